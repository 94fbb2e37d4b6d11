// Page config of 抽签公示 (an event's public lottery record): its title.
export default definePageConfig({
  navigationBarTitleText: '抽签公示',
})
