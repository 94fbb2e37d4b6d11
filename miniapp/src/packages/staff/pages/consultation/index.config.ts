// Page config of 征集管理 (managing one consultation): its title.
export default definePageConfig({
  navigationBarTitleText: '征集管理',
})
