// Page config of the 政策问答 tab: its title and pull-down refresh.
export default definePageConfig({
  navigationBarTitleText: '政策问答',
  enablePullDownRefresh: true,
})
