export default definePageConfig({
  navigationBarTitleText: '起草意见征集',
})
