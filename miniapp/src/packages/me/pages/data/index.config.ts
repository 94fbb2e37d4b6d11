// Page config of 我的个人信息 (what is held about the citizen): its title.
export default definePageConfig({
  navigationBarTitleText: '我的个人信息',
})
