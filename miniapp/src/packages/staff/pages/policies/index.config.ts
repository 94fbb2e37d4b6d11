// Page config of 政策文件管理 (staff): its title.
export default definePageConfig({
  navigationBarTitleText: '政策文件管理',
})
