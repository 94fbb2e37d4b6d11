// Page config of 绑定微信 (binding a staff account to WeChat with an invite): its title.
export default definePageConfig({
  navigationBarTitleText: '绑定微信',
})
