// Page config of 现场签到 (staff checking attendees in): its title.
export default definePageConfig({
  navigationBarTitleText: '现场签到',
})
