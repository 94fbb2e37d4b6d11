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

/** The root of every page; in 大字模式 it carries `gm-page--large`, which scales every size on the page. */
export function PageShell({ children, className }: PageShellProps) {
  const large = useContext(LargeFontContext)
  return <View className={cx('gm-page', large && 'gm-page--large', className)}>{children}</View>
}
