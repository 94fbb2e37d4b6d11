// Page config of 活动管理 (managing one event): its title.
export default definePageConfig({
  navigationBarTitleText: '活动管理',
})
