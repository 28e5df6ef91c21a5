export default definePageConfig({ navigationBarTitleText: '发信服务器' })
