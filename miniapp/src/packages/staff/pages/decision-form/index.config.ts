// Page config of 编辑决策事项 (editing a catalogue entry): its title.
export default definePageConfig({
  navigationBarTitleText: '编辑决策事项',
})
