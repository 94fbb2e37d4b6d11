// 待办: one tile per need with its count and where it is; a tap opens the list. Needs with work come first.
import { Text, View } from '@tarojs/components'
import type { WorkQueueEntry, WorkQueueTarget } from '@gm/shared'
import { a11y } from '../../utils/a11y'
import './index.scss'

export interface WorkQueueProps {
  entries: readonly WorkQueueEntry[]
  onOpen: (target: WorkQueueTarget) => void
}

export function WorkQueue({ entries, onOpen }: WorkQueueProps) {
  const ordered = [...entries].sort((x, y) => Number(y.count > 0) - Number(x.count > 0))
  return (
    <View className="gm-work-queue" {...a11y('待办事项', 'group')}>
      {ordered.map((e) => (
        <View
          key={e.key}
          className={`gm-work-queue__tile gm-work-queue__tile--${e.key}${e.count > 0 ? ' gm-work-queue__tile--due' : ''}`}
          onClick={() => onOpen(e.target)}
        >
          {/* The whole tile is the touch target; the link is the label, named with its count (shown above it, hidden from screen readers). */}
          <Text className="gm-work-queue__count" aria-hidden="true">
            {String(e.count)}
          </Text>
          <Text className="gm-work-queue__label" {...a11y(`${e.label} ${e.count} 项`, 'link')}>
            {e.label}
          </Text>
          {e.examples.length > 0 && <Text className="gm-work-queue__where">{e.examples.join('；')}</Text>}
        </View>
      ))}
    </View>
  )
}
