// Page config of 集中意见 (concentrated-opinion groups of a consultation): its title.
export default definePageConfig({
  navigationBarTitleText: '集中意见',
})
