// Page config of 意见征集管理 (the staff consultation list): its title.
export default definePageConfig({
  navigationBarTitleText: '意见征集管理',
})
