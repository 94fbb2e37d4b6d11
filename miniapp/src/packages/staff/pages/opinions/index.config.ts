export default definePageConfig({
  navigationBarTitleText: '审核与答复',
})
