// The root of every page: the page's class and 大字模式, which the app passes down to every page (see app.tsx).
import { View } from '@tarojs/components'
import { createContext, type ReactNode, useContext } from 'react'
import { cx } from '../../utils/format'

/** 大字模式 for every page: app.tsx provides the preference (useLargeFont), so each page scales without asking for it. */
export const LargeFontContext = createContext(false)

export interface PageShellProps {
  children?: ReactNode
  className?: string
}

/**
 * H5: the page is the main landmark and takes keyboard focus, so a page of text only (抽签规则, 无障碍声明…) can still
 * be scrolled with the keyboard (Taro scrolls each page in its own box).
 */
const pageA11y = process.env.TARO_ENV === 'h5' ? { role: 'main', tabIndex: 0 } : {}

/** The root of every page; in 大字模式 it carries `gm-page--large`, which scales every size on the page. */
export function PageShell({ children, className }: PageShellProps) {
  const large = useContext(LargeFontContext)
  return (
    <View className={cx('gm-page', large && 'gm-page--large', className)} {...pageA11y}>
      {children}
    </View>
  )
}
