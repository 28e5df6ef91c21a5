export default definePageConfig({ navigationBarTitleText: '登录网页版' })
