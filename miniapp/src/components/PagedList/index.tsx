// A list's items followed by its state line (loading, empty, error, 加载更多, end).
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { ListStatus } from '../../hooks/usePagedList'
import { ListState } from '../ListState'

export interface PagedListProps<T> {
  items: readonly T[]
  status: ListStatus
  renderItem: (item: T) => ReactNode
  keyOf: (item: T) => string | number
  errorMessage?: string
  emptyText?: string
  onRetry?: () => void
  onLoadMore?: () => void
}

/** Items followed by the list's state line (loading / empty / error / 加载更多 / end). */
export function PagedList<T>({ items, status, renderItem, keyOf, errorMessage, emptyText, onRetry, onLoadMore }: PagedListProps<T>) {
  return (
    <View className="gm-paged-list">
      {items.map((item) => (
        <View key={keyOf(item)} className="gm-paged-list__item">
          {renderItem(item)}
        </View>
      ))}
      <ListState status={status} errorMessage={errorMessage} emptyText={emptyText} onRetry={onRetry} onLoadMore={onLoadMore} />
    </View>
  )
}
