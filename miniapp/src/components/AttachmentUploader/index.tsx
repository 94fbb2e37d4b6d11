// Uploading one attachment: its kind, an optional name, and 选择文件并上传, with the accepted types, the size limit and the refusal next to it.
import { Text, View } from '@tarojs/components'
import { ATTACHMENT_TYPES_TEXT, type AttachmentKind, attachmentKindLabels } from '@gm/shared'
import { ActionButton } from '../ActionButton'
import { ChoiceGroup } from '../ChoiceGroup'
import { FormField } from '../FormField'
import './index.scss'

export interface AttachmentUploaderProps {
  kinds: readonly AttachmentKind[]
  kind: AttachmentKind
  onKind: (kind: AttachmentKind) => void
  title: string
  onTitle: (title: string) => void
  busy: boolean
  /** The last refusal (type, size, permission…). */
  error?: string
  onPick: () => void
}

export function AttachmentUploader({ kinds, kind, onKind, title, onTitle, busy, error, onPick }: AttachmentUploaderProps) {
  return (
    <View className="gm-attachment-uploader">
      <ChoiceGroup<AttachmentKind>
        name="attachmentKind"
        label="附件类别"
        inline
        options={kinds.map((k) => ({ value: k, label: attachmentKindLabels[k] }))}
        value={kind}
        onChange={onKind}
      />
      <FormField name="attachmentTitle" label="附件名称（选填）" value={title} maxlength={100} hint="不填则用文件名" onInput={onTitle} />
      <Text className="gm-attachment-uploader__hint">{`可上传 ${ATTACHMENT_TYPES_TEXT}，每个文件不超过 20 MB。`}</Text>
      {error && <Text className="gm-field__error">{error}</Text>}
      <ActionButton busy={busy} busyText="正在上传…" onPress={onPick}>
        选择文件并上传
      </ActionButton>
    </View>
  )
}
