// Page config of 我的提问 (one policy question and its answer): its title and pull-down refresh.
export default definePageConfig({
  navigationBarTitleText: '我的提问',
  enablePullDownRefresh: true,
})
