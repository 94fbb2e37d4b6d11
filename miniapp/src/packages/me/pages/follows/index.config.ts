// Page config of 我的关注 (what the citizen follows): its title.
export default definePageConfig({ navigationBarTitleText: '我的关注' })
