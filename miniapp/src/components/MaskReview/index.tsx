import { Text, View } from '@tarojs/components'
import { applyMasks, type PersonalInfoKind, personalInfoLabels } from '@gm/shared'
import { cx } from '../../utils/format'
import { CheckRow } from '../CheckRow'
import './index.scss'

export interface MaskSuggestion {
  kind: PersonalInfoKind
  /** UTF-16 offsets of the raw text, end exclusive. */
  start: number
  end: number
  text: string
}

export interface MaskReviewProps {
  rawText: string
  suggestions: readonly MaskSuggestion[]
  /** One flag per suggestion: staff confirmed it is to be masked. */
  confirmed: readonly boolean[]
  onToggle: (index: number, confirmed: boolean) => void
}

/** The masks staff confirmed, in the contract's form. */
export function confirmedMasks(suggestions: readonly MaskSuggestion[], confirmed: readonly boolean[]) {
  return suggestions.filter((_, i) => confirmed[i]).map(({ start, end, kind }) => ({ start, end, kind }))
}

/** The text as it will be published, with the shared masking rule; null if the masks do not fit. */
export function maskedPreview(rawText: string, suggestions: readonly MaskSuggestion[], confirmed: readonly boolean[]): string | null {
  try {
    return applyMasks(rawText, confirmedMasks(suggestions, confirmed))
  } catch {
    return null
  }
}

interface Segment {
  text: string
  /** Index of the suggestion this part belongs to, or -1. */
  suggestion: number
}

function segments(rawText: string, suggestions: readonly MaskSuggestion[]): Segment[] {
  const order = suggestions.map((s, i) => ({ ...s, i })).sort((a, b) => a.start - b.start)
  const out: Segment[] = []
  let cursor = 0
  for (const s of order) {
    if (s.start < cursor) continue // overlapping suggestions are never produced; skip defensively
    if (s.start > cursor) out.push({ text: rawText.slice(cursor, s.start), suggestion: -1 })
    out.push({ text: rawText.slice(s.start, s.end), suggestion: s.i })
    cursor = s.end
  }
  if (cursor < rawText.length) out.push({ text: rawText.slice(cursor), suggestion: -1 })
  return out
}

/**
 * 去标识化: the raw text with detected personal information highlighted, a checkbox per
 * suggestion, and a preview of exactly what will be published. Everything is plain text.
 */
export function MaskReview({ rawText, suggestions, confirmed, onToggle }: MaskReviewProps) {
  const preview = maskedPreview(rawText, suggestions, confirmed)
  return (
    <View className='gm-mask-review'>
      <Text className='gm-mask-review__label'>原文（标出的是识别到的个人信息）</Text>
      <View className='gm-mask-review__raw'>
        {segments(rawText, suggestions).map((seg, i) =>
          seg.suggestion < 0 ? (
            <Text key={i}>{seg.text}</Text>
          ) : (
            <Text key={i} className={cx('gm-mask-review__mark', confirmed[seg.suggestion] && 'gm-mask-review__mark--confirmed')}>
              {seg.text}
            </Text>
          ),
        )}
      </View>
      {suggestions.length === 0 ? (
        <Text className='gm-mask-review__none'>未识别到个人信息。请通读原文，确认没有需要隐去的内容。</Text>
      ) : (
        <View className='gm-mask-review__list'>
          <Text className='gm-mask-review__label'>确认需要隐去的内容</Text>
          {suggestions.map((s, i) => (
            <CheckRow key={`${s.start}-${s.end}`} label={`隐去${personalInfoLabels[s.kind]}：${s.text}`} checked={!!confirmed[i]} onChange={(v) => onToggle(i, v)} />
          ))}
        </View>
      )}
      <Text className='gm-mask-review__label'>公开时显示为</Text>
      <Text className='gm-mask-review__preview' userSelect>
        {preview ?? '隐去范围有误，请刷新后重试'}
      </Text>
    </View>
  )
}
