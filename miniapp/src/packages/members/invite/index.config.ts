export default definePageConfig({ navigationBarTitleText: '邀请子账号', enableShareAppMessage: true })
