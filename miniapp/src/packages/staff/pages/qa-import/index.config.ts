export default definePageConfig({
  navigationBarTitleText: '批量导入问答',
})
