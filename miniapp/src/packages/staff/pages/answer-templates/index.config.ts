// Page config of 答复模板 (reviewers, administrators): its title.
export default definePageConfig({
  navigationBarTitleText: '答复模板',
})
