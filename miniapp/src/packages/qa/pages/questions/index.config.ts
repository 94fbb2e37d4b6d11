// Page config of 我的提问 (the citizen's policy questions): its title and pull-down refresh.
export default definePageConfig({
  navigationBarTitleText: '我的提问',
  enablePullDownRefresh: true,
})
