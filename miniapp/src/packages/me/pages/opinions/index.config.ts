// Page config of 我的意见 (the citizen's opinions): its title.
export default definePageConfig({
  navigationBarTitleText: '我的意见',
})
