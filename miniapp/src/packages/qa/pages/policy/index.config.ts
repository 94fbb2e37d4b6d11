// Page config of 政策文件 (one policy document): its title.
export default definePageConfig({
  navigationBarTitleText: '政策文件',
})
