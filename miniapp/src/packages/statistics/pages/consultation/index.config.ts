// Page config of 征集统计 (one consultation's published statistics): its title.
export default definePageConfig({
  navigationBarTitleText: '征集统计',
})
