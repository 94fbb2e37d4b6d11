// Page config of 我的报名 (the citizen's registrations): its title.
export default definePageConfig({
  navigationBarTitleText: '我的报名',
})
