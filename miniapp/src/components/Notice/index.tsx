// A boxed message inside a page (error, success or info): a failed submit, a finished action, an explanation.
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { a11y } from '../../utils/a11y'
import './index.scss'

export type NoticeTone = 'error' | 'success' | 'info'

/** A boxed message inside a page: a failed submit, a done action, an explanation. */
export function Notice({ tone, children }: { tone: NoticeTone; children: ReactNode }) {
  return (
    <View className={`gm-notice gm-notice--${tone}`} {...a11y(undefined, tone === 'error' ? 'alert' : 'status')}>
      <Text className="gm-notice__text">{children}</Text>
    </View>
  )
}
