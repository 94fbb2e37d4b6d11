// Page config of 决策事项 (one major decision): its title and WeChat sharing (转发).
export default definePageConfig({
  navigationBarTitleText: '决策事项',
  enableShareAppMessage: true,
})
