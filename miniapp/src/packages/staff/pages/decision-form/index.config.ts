export default definePageConfig({
  navigationBarTitleText: '编辑决策事项',
})
