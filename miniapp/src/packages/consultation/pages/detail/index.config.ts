// Page config of 征集详情 (one consultation draft): its title.
export default definePageConfig({
  navigationBarTitleText: '征集详情',
})
