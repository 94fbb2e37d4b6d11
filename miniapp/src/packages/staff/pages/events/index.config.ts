// Page config of 活动管理 (the staff event list): its title.
export default definePageConfig({
  navigationBarTitleText: '活动管理',
})
