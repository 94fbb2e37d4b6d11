// Page config of 修改密码 (a staff member's password change): its title.
export default definePageConfig({
  navigationBarTitleText: '修改密码',
})
