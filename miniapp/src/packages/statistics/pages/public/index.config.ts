// Page config of 公开统计 (published yearly statistics): its title.
export default definePageConfig({
  navigationBarTitleText: '公开统计',
})
