export default definePageConfig({ navigationBarTitleText: '违禁词' })
