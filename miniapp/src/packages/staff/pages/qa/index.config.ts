// Page config of 政策问答库管理 (the staff Q&A library): its title and pull-down refresh.
export default definePageConfig({
  navigationBarTitleText: '政策问答库管理',
  enablePullDownRefresh: true,
})
