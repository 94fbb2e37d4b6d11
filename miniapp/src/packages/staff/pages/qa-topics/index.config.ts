// Page config of 问答主题 (staff): its title.
export default definePageConfig({
  navigationBarTitleText: '问答主题',
})
