// Page config of 政策文件库 (citizens): its title.
export default definePageConfig({
  navigationBarTitleText: '政策文件库',
})
