// Page config of the 我的 tab: its title.
export default definePageConfig({
  navigationBarTitleText: '我的',
})
