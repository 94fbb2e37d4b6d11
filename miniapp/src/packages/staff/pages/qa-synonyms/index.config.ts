export default definePageConfig({
  navigationBarTitleText: '同义词词典',
})
