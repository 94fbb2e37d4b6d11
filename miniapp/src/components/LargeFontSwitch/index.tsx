// The 大字模式 switch row on the 我的 tab; the whole row is the touch target.
import { Text, View } from '@tarojs/components'
import { cx } from '../../utils/format'
import './index.scss'

export interface LargeFontSwitchProps {
  checked: boolean
  onChange: (checked: boolean) => void
}

/** The 「大字模式」 row: the whole row is the touch target. */
export function LargeFontSwitch({ checked, onChange }: LargeFontSwitchProps) {
  return (
    <View
      className={cx('gm-large-font-switch', checked && 'gm-large-font-switch--on')}
      hoverClass="gm-pressed"
      onClick={() => onChange(!checked)}
      role="switch"
      aria-checked={checked ? 'true' : 'false'}
      aria-label="大字模式"
    >
      <View className="gm-large-font-switch__text">
        <Text className="gm-large-font-switch__label">大字模式</Text>
        <Text className="gm-large-font-switch__hint">放大所有页面的文字和按钮</Text>
      </View>
      <View className="gm-large-font-switch__track">
        <Text className="gm-large-font-switch__state">{checked ? '已开启' : '已关闭'}</Text>
      </View>
    </View>
  )
}
