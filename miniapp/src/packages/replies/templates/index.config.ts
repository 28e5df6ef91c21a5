export default definePageConfig({ navigationBarTitleText: '回复模板' })
