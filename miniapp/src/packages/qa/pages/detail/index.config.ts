// Page config of 问答详情 (one Q&A item): its title.
export default definePageConfig({
  navigationBarTitleText: '问答详情',
})
