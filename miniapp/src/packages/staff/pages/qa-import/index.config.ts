// Page config of 批量导入问答 (bulk Q&A import): its title.
export default definePageConfig({
  navigationBarTitleText: '批量导入问答',
})
