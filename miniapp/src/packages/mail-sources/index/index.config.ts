export default definePageConfig({ navigationBarTitleText: '邮箱收取', enablePullDownRefresh: true })
