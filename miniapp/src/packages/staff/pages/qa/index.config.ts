export default definePageConfig({
  navigationBarTitleText: '政策问答库管理',
  enablePullDownRefresh: true,
})
