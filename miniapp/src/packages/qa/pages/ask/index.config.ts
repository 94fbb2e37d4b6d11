export default definePageConfig({
  navigationBarTitleText: '向工作人员提问',
})
