// Page config of 审核与答复 (moderating and answering opinions): its title.
export default definePageConfig({
  navigationBarTitleText: '审核与答复',
})
