// Page config of 政策咨询 (staff answering citizens' policy questions): its title and pull-down refresh.
export default definePageConfig({
  navigationBarTitleText: '政策咨询',
  enablePullDownRefresh: true,
})
