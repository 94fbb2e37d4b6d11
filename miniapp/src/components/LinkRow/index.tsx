// A full-width navigation row with a title, an optional hint and a › mark.
import { Text, View } from '@tarojs/components'
import { a11y } from '../../utils/a11y'
import './index.scss'

/** A full-width navigation row: 「决策事项目录 ›」. */
export function LinkRow({ title, hint, onOpen }: { title: string; hint?: string; onOpen: () => void }) {
  return (
    <View className="gm-link-row" hoverClass="gm-pressed" onClick={onOpen} {...a11y(title, 'link')}>
      <View className="gm-link-row__text">
        <Text className="gm-link-row__title">{title}</Text>
        {hint && <Text className="gm-link-row__hint">{hint}</Text>}
      </View>
      <Text className="gm-link-row__arrow">›</Text>
    </View>
  )
}
