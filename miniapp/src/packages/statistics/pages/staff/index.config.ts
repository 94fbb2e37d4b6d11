// Page config of 统计分析 (staff statistics and exports): its title.
export default definePageConfig({
  navigationBarTitleText: '统计分析',
})
