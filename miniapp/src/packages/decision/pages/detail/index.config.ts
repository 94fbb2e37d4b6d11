export default definePageConfig({
  navigationBarTitleText: '决策事项',
  enableShareAppMessage: true,
})
