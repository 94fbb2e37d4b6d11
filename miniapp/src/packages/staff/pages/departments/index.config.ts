// Page config of 部门管理 (administrators): its title.
export default definePageConfig({
  navigationBarTitleText: '部门管理',
})
