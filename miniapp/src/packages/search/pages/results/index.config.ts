// Page config of 搜索 (site-wide search results): its title.
export default definePageConfig({
  navigationBarTitleText: '搜索',
})
