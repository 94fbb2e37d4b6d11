// Page config of 政策解读 (one policy interpretation): its title.
export default definePageConfig({
  navigationBarTitleText: '政策解读',
})
