// Page config of 决策事项目录 (the major-decision catalogue): its title.
export default definePageConfig({
  navigationBarTitleText: '决策事项目录',
})
