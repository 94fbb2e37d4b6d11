// Page config of the 活动报名 tab: its title and pull-down refresh.
export default definePageConfig({
  navigationBarTitleText: '活动报名',
  enablePullDownRefresh: true,
})
