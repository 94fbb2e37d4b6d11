export default definePageConfig({
  navigationBarTitleText: '征集统计',
})
