// Page config of 意见采纳情况 (a consultation's published feedback): its title.
export default definePageConfig({
  navigationBarTitleText: '意见采纳情况',
})
