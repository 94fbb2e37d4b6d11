// Page config of 历次版本 (a draft's published versions and their comparison): its title.
export default definePageConfig({
  navigationBarTitleText: '草案历次版本',
})
