// Says that a form reopened with what the user typed before (kept on this device), with a way to start afresh.
import { momentText } from '../../utils/format'
import { ActionButton } from '../ActionButton'
import { Notice } from '../Notice'

export interface DraftRestoredProps {
  /** When the draft was saved (ms since epoch). */
  savedAt: number
  onDiscard: () => void
}

export function DraftRestored({ savedAt, onDiscard }: DraftRestoredProps) {
  return (
    <>
      <Notice tone="info">{`已恢复您 ${momentText(savedAt)} 未提交的内容（仅保存在本机，提交后自动清除）。`}</Notice>
      <ActionButton onPress={onDiscard}>清空，重新填写</ActionButton>
    </>
  )
}
