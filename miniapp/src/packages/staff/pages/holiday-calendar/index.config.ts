// Page config of 放假安排 (the holiday calendar deadlines count with): its title.
export default definePageConfig({
  navigationBarTitleText: '放假安排',
})
