export default definePageConfig({
  navigationBarTitleText: '公开统计',
})
