// Page config of 工作台 (the staff home): its title.
export default definePageConfig({
  navigationBarTitleText: '工作台',
})
