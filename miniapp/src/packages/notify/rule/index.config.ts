export default definePageConfig({ navigationBarTitleText: '通知规则' })
