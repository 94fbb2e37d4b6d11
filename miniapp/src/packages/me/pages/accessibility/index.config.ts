// Page config of 无障碍声明 (accessibility statement): its title.
export default definePageConfig({ navigationBarTitleText: '无障碍声明' })
