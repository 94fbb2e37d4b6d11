export default definePageConfig({
  navigationBarTitleText: '意见采纳情况',
})
