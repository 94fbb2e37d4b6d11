export default definePageConfig({
  navigationBarTitleText: '决策事项目录管理',
})
