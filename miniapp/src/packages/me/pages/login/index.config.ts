// Page config of 登录 (citizen sign-in): its title.
export default definePageConfig({
  navigationBarTitleText: '登录',
})
