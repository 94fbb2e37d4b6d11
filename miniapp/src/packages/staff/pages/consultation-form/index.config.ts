// Page config of 起草意见征集 (drafting or editing a consultation): its title.
export default definePageConfig({
  navigationBarTitleText: '起草意见征集',
})
