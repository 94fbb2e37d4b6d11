// Page config of 向工作人员提问 (asking staff a policy question): its title.
export default definePageConfig({
  navigationBarTitleText: '向工作人员提问',
})
