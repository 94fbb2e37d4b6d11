// A date or time in plain words whose pieces never break inside themselves (2026年10月11日 · 09:30–11:30): a line may break only between pieces.
import { Text } from '@tarojs/components'
import { Fragment } from 'react'
import { cx } from '../../utils/format'
import './index.scss'

export interface WhenTextProps {
  /** The pieces, e.g. timeRangeParts(startsAt, endsAt) */
  parts: readonly string[]
  /** Said before the pieces, e.g. 时间： */
  lead?: string
  className?: string
}

/** Pieces joined by spaces, each kept on one line. */
export function WhenText({ parts, lead, className }: WhenTextProps) {
  return (
    <Text className={cx('gm-when', className)}>
      {lead}
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && ' '}
          <Text className="gm-when__part">{part}</Text>
        </Fragment>
      ))}
    </Text>
  )
}
