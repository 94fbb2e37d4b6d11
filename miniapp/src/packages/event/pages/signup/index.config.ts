// Page config of 我要报名 (signing up for an event): its title.
export default definePageConfig({
  navigationBarTitleText: '我要报名',
})
