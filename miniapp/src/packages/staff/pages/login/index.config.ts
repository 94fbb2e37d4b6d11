// Page config of 工作人员登录 (staff sign-in): its title.
export default definePageConfig({
  navigationBarTitleText: '工作人员登录',
})
