// Page config of 活动详情 (one event): its title.
export default definePageConfig({
  navigationBarTitleText: '活动详情',
})
