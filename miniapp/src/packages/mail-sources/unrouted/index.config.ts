export default definePageConfig({ navigationBarTitleText: '未匹配邮件', enablePullDownRefresh: true, onReachBottomDistance: 200 })
