export default definePageConfig({
  navigationBarTitleText: '抽签记录',
})
