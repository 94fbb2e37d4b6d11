// Page config of 公开抽签 (running an event's lottery): its title.
export default definePageConfig({
  navigationBarTitleText: '公开抽签',
})
