// Page config of 新建活动 (creating or editing an event): its title.
export default definePageConfig({
  navigationBarTitleText: '新建或修改活动',
})
