// Page config of 编辑问答 (creating or editing a Q&A item): its title.
export default definePageConfig({
  navigationBarTitleText: '编辑问答',
})
