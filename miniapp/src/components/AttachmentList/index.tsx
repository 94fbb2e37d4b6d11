// A consultation's or event's attachments: kind, name, file name and size, 打开 (and 删除 for editors).
import { Text, View } from '@tarojs/components'
import { type Attachment, attachmentKindLabels, formatFileSize } from '@gm/shared'
import { a11y } from '../../utils/a11y'
import './index.scss'

export interface AttachmentListProps {
  items: readonly Attachment[]
  /** Absent: 打开 is not offered (a draft's files are not served before publication). */
  onOpen?: (attachment: Attachment) => void
  onDelete?: (attachment: Attachment) => void
  removingId?: number | null
  emptyText?: string
}

export function AttachmentList({ items, onOpen, onDelete, removingId, emptyText }: AttachmentListProps) {
  if (items.length === 0) return emptyText ? <Text className="gm-attachment-list__empty">{emptyText}</Text> : null
  return (
    <View className="gm-attachment-list" {...a11y('附件', 'list')}>
      {items.map((a) => (
        <View key={a.id} className="gm-attachment-list__item" {...a11y(undefined, 'listitem')}>
          <View className="gm-attachment-list__text">
            <Text className="gm-attachment-list__kind">{attachmentKindLabels[a.kind]}</Text>
            <Text className="gm-attachment-list__title">{a.title}</Text>
            <Text className="gm-attachment-list__meta">{`${a.filename} · ${formatFileSize(a.size)}`}</Text>
          </View>
          <View className="gm-attachment-list__actions">
            {onOpen && (
              <Text className="gm-attachment-list__action" onClick={() => onOpen(a)} {...a11y(`打开「${a.title}」`, 'button')}>
                打开
              </Text>
            )}
            {onDelete && (
              <Text
                className="gm-attachment-list__action gm-attachment-list__action--danger"
                onClick={() => (removingId === a.id ? undefined : onDelete(a))}
                {...a11y(`删除「${a.title}」`, 'button')}
              >
                {removingId === a.id ? '正在删除…' : '删除'}
              </Text>
            )}
          </View>
        </View>
      ))}
    </View>
  )
}
