// Page config of 提交意见 (a citizen's opinion on a draft or clause): its title.
export default definePageConfig({
  navigationBarTitleText: '提交意见',
})
