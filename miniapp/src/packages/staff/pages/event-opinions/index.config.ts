export default definePageConfig({
  navigationBarTitleText: '参加人员意见',
})
