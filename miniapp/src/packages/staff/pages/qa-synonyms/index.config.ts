// Page config of 同义词词典 (the Q&A search dictionary): its title.
export default definePageConfig({
  navigationBarTitleText: '同义词词典',
})
