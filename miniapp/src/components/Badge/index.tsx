// A small status label (open, upcoming, closed, info) on cards, such as signup status or 已超期.
import { Text } from '@tarojs/components'
import { cx } from '../../utils/format'
import './index.scss'

export type BadgeTone = 'open' | 'upcoming' | 'closed' | 'info'

export function Badge({ tone, children }: { tone: BadgeTone; children: string }) {
  return <Text className={cx('gm-badge', `gm-badge--${tone}`)}>{children}</Text>
}
