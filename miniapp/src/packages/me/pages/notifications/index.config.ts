// Page config of 我的消息 (the citizen's messages): its title and pull-down refresh.
export default definePageConfig({
  navigationBarTitleText: '我的消息',
  enablePullDownRefresh: true,
})
