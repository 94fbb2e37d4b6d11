// Page config of 决策事项目录管理 (the staff catalogue list): its title.
export default definePageConfig({
  navigationBarTitleText: '决策事项目录管理',
})
