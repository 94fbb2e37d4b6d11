export default definePageConfig({
  navigationBarTitleText: '公开抽签',
})
