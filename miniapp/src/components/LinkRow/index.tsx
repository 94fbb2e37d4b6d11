// A full-width navigation row with a title, an optional hint and a › mark.
import { Text, View } from '@tarojs/components'
import { a11y } from '../../utils/a11y'
import './index.scss'

/**
 * A full-width navigation row: 「决策事项目录 ›」. The whole row is the touch target; the link (its name the
 * title, as shown) is the title, so a screen reader says the title and then the hint, and keyboard focus lands there.
 */
export function LinkRow({ title, hint, onOpen }: { title: string; hint?: string; onOpen: () => void }) {
  return (
    <View className="gm-link-row" hoverClass="gm-pressed" onClick={onOpen}>
      <View className="gm-link-row__text">
        <Text className="gm-link-row__title" {...a11y(title, 'link')}>
          {title}
        </Text>
        {hint && <Text className="gm-link-row__hint">{hint}</Text>}
      </View>
      <Text className="gm-link-row__arrow" aria-hidden="true">
        ›
      </Text>
    </View>
  )
}
