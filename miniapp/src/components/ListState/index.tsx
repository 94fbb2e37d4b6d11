// What a list shows instead of or below its items: loading, empty, error with retry, 加载更多, or the end.
import { Text, View } from '@tarojs/components'
import type { ListStatus } from '../../hooks/usePagedList'
import { a11y } from '../../utils/a11y'
import './index.scss'

export interface ListStateProps {
  status: ListStatus
  /** Shown for 'error' and 'error-more'. */
  errorMessage?: string
  emptyText?: string
  onRetry?: () => void
  /** For 'error' when there is nothing to reload (the item is gone): 返回 instead of 重新加载. */
  onBack?: () => void
  onLoadMore?: () => void
}

/** What a list shows instead of, or below, its items: loading, empty, error with retry, more, end. */
export function ListState({ status, errorMessage, emptyText = '暂无内容', onRetry, onBack, onLoadMore }: ListStateProps) {
  switch (status) {
    case 'loading':
    case 'loading-more':
      return (
        <View className="gm-list-state gm-list-state--loading" {...a11y('正在加载', 'status')}>
          <Text className="gm-list-state__text">正在加载…</Text>
        </View>
      )
    case 'error':
    case 'error-more':
      return (
        <View className="gm-list-state gm-list-state--error" {...a11y(undefined, 'alert')}>
          <Text className="gm-list-state__text">{errorMessage || '加载失败，请稍后再试'}</Text>
          {onRetry && (
            <View className="gm-button gm-list-state__action" hoverClass="gm-pressed" onClick={onRetry} {...a11y('重新加载', 'button')}>
              重新加载
            </View>
          )}
          {onBack && (
            <View className="gm-button gm-list-state__action" hoverClass="gm-pressed" onClick={onBack} {...a11y('返回', 'button')}>
              返回
            </View>
          )}
        </View>
      )
    case 'empty':
      return (
        <View className="gm-list-state gm-list-state--empty">
          <Text className="gm-list-state__text">{emptyText}</Text>
        </View>
      )
    case 'more':
      return (
        <View className="gm-list-state gm-list-state--more">
          <View className="gm-button gm-list-state__action" hoverClass="gm-pressed" onClick={onLoadMore} {...a11y('加载更多', 'button')}>
            加载更多
          </View>
        </View>
      )
    case 'end':
      return (
        <View className="gm-list-state gm-list-state--end">
          <Text className="gm-list-state__text">没有更多了</Text>
        </View>
      )
  }
}
