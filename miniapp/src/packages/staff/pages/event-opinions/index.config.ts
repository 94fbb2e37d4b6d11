// Page config of 参加人员意见 (attendees' opinions at an event): its title.
export default definePageConfig({
  navigationBarTitleText: '参加人员意见',
})
