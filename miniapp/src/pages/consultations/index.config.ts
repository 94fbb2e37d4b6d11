// Page config of the 意见征集 tab: its title and pull-down refresh.
export default definePageConfig({
  navigationBarTitleText: '意见征集',
  enablePullDownRefresh: true,
})
