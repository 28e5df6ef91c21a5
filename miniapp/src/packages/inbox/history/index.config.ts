export default definePageConfig({ navigationBarTitleText: '沟通记录', enablePullDownRefresh: true })
