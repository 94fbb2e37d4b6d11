export default definePageConfig({
  navigationBarTitleText: '征集管理',
})
