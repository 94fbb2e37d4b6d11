// Page config of 录入线下意见 (entering an opinion received offline): its title.
export default definePageConfig({
  navigationBarTitleText: '录入线下意见',
})
