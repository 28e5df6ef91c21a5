export default definePageConfig({ navigationBarTitleText: '站点邮箱' })
