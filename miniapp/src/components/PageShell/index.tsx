import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useLargeFont } from '../../hooks/useLargeFont'
import { cx } from '../../utils/format'

export interface PageShellProps {
  children?: ReactNode
  className?: string
}

/**
 * The root of every page. It reads the 大字模式 preference itself (a local setting, not a request)
 * so that each page scales without passing it around.
 */
export function PageShell({ children, className }: PageShellProps) {
  const { enabled } = useLargeFont()
  return <View className={cx('gm-page', enabled && 'gm-page--large', className)}>{children}</View>
}
