export default definePageConfig({
  navigationBarTitleText: '提交意见',
})
