export default definePageConfig({
  navigationBarTitleText: '集中意见',
})
