// The 去标识化 review staff do before text is published: detected personal information to mask, dismissals with reasons, manual masks, a preview, and the override.
import { Text, View } from '@tarojs/components'
import { applyMasks, type PersonalInfoKind, personalInfoLabels, type UnmaskedSpan } from '@gm/shared'
import { useState } from 'react'
import { cx } from '../../utils/format'
import { ActionButton } from '../ActionButton'
import { CheckRow } from '../CheckRow'
import { FormField } from '../FormField'
import { PersonalInfoOverride } from '../PersonalInfoOverride'
import './index.scss'

export interface MaskSuggestion {
  kind: PersonalInfoKind
  /** UTF-16 offsets of the raw text, end exclusive. */
  start: number
  end: number
  text: string
}

/** A range of the raw text (UTF-16 offsets, end exclusive). */
export interface TextSpan {
  start: number
  end: number
  /** A recorded mask kept as it was (the detector no longer finds it there): its form stays, e.g. 刘**. */
  kind?: PersonalInfoKind
}

/** What staff decided in the review, beyond the per-suggestion checkboxes. */
export interface MaskReviewExtras {
  /** Per suggestion: why it is not personal information (sent as a dismissal when left unmasked). */
  dismissReasons: readonly string[]
  /** Spans staff masked by hand (published as 【已隐去】). */
  manual: readonly TextSpan[]
}

export interface MaskReviewProps {
  rawText: string
  suggestions: readonly MaskSuggestion[]
  /** One flag per suggestion: staff confirmed it is to be masked. */
  confirmed: readonly boolean[]
  onToggle: (index: number, confirmed: boolean) => void
  /** With these, staff can dismiss a suggestion with a reason and mask what detection missed. */
  extras?: MaskReviewExtras
  onDismissReason?: (index: number, reason: string) => void
  onAddManual?: (span: TextSpan) => void
  onRemoveManual?: (index: number) => void
  /** The spans the server still found unmasked (PERSONAL_INFO_UNMASKED): shown with the override form. */
  unmasked?: readonly UnmaskedSpan[]
  overrideReason?: string
  onOverrideReason?: (reason: string) => void
  /** Send again with the override reason; shown once the server refused. */
  onOverride?: () => void
  overriding?: boolean
}

/**
 * Recorded masks that the detector's suggestions (`found`) do not give as they are (masked by hand, or a kind it no
 * longer detects there): reviewing the text again keeps them as masks by hand. The others come back as its suggestions.
 */
export const masksByHand = (recorded: readonly TextSpan[], found: readonly TextSpan[]): TextSpan[] =>
  recorded.filter((m) => !found.some((s) => s.start === m.start && s.end === m.end && s.kind === m.kind))

/** Detected suggestions, less what a mask by hand already covers or overlaps (that mask decides). */
export const suggestionsBeside = <S extends TextSpan>(found: readonly S[], manual: readonly TextSpan[]): S[] =>
  found.filter((s) => manual.every((m) => s.end <= m.start || s.start >= m.end))

/** The masks staff confirmed, in the contract's form. */
export function confirmedMasks(suggestions: readonly MaskSuggestion[], confirmed: readonly boolean[], manual: readonly TextSpan[] = []) {
  return [
    ...suggestions.filter((_, i) => confirmed[i]).map(({ start, end, kind }) => ({ start, end, kind })),
    ...manual.map(({ start, end, kind }) => (kind ? { start, end, kind } : { start, end })),
  ].sort((a, b) => a.start - b.start)
}

/** Suggestions left unmasked with a reason: the contract's `dismissals`. */
export function dismissalsOf(suggestions: readonly MaskSuggestion[], confirmed: readonly boolean[], reasons: readonly string[]) {
  return suggestions.flatMap((s, i) => (!confirmed[i] && reasons[i]?.trim() ? [{ start: s.start, end: s.end, reason: reasons[i]!.trim() }] : []))
}

/**
 * Where to mask `fragment` by hand: its first occurrence in `rawText` that no confirmed or manual mask
 * touches. Returns a Chinese message when there is none (the miniapp cannot read a text selection, so
 * staff type or paste the words to hide).
 */
export function findManualSpan(rawText: string, fragment: string, taken: readonly TextSpan[]): TextSpan | string {
  const needle = fragment.trim()
  if (needle === '') return '请输入原文中要隐去的文字'
  let from = 0
  let at: number
  let found = false
  while ((at = rawText.indexOf(needle, from)) >= 0) {
    found = true
    const span = { start: at, end: at + needle.length }
    if (taken.every((t) => span.end <= t.start || span.start >= t.end)) return span
    from = at + 1
  }
  return found ? '这段文字已经隐去' : '原文中没有这段文字，请逐字复制原文'
}

/** The text as it will be published, with the shared masking rule; null if the masks do not fit. */
export function maskedPreview(
  rawText: string,
  suggestions: readonly MaskSuggestion[],
  confirmed: readonly boolean[],
  manual: readonly TextSpan[] = [],
): string | null {
  try {
    return applyMasks(rawText, confirmedMasks(suggestions, confirmed, manual))
  } catch {
    return null
  }
}

interface Segment {
  text: string
  /** Index of the suggestion this part belongs to, -1 for plain text, -2 for a manual mask. */
  suggestion: number
}

function segments(rawText: string, suggestions: readonly MaskSuggestion[], manual: readonly TextSpan[]): Segment[] {
  const order = [...suggestions.map((s, i) => ({ start: s.start, end: s.end, i })), ...manual.map((m) => ({ ...m, i: -2 }))].sort((a, b) => a.start - b.start)
  const out: Segment[] = []
  let cursor = 0
  for (const s of order) {
    if (s.start < cursor) continue // overlapping spans are never produced; skip defensively
    if (s.start > cursor) out.push({ text: rawText.slice(cursor, s.start), suggestion: -1 })
    out.push({ text: rawText.slice(s.start, s.end), suggestion: s.i })
    cursor = s.end
  }
  if (cursor < rawText.length) out.push({ text: rawText.slice(cursor), suggestion: -1 })
  return out
}

/**
 * 去标识化: the raw text with detected personal information highlighted, a checkbox per suggestion
 * (unchecking asks why it is not personal information), a field to mask what detection missed, and a
 * preview of exactly what will be published. When the server still finds personal information it
 * lists it and offers 仍然公开（需填写理由）. Everything is plain text.
 */
export function MaskReview(props: MaskReviewProps) {
  const {
    rawText,
    suggestions,
    confirmed,
    onToggle,
    extras,
    onDismissReason,
    onAddManual,
    onRemoveManual,
    unmasked,
    overrideReason = '',
    onOverrideReason,
    onOverride,
    overriding,
  } = props
  const manual = extras?.manual ?? []
  const [fragment, setFragment] = useState('')
  const [fragmentError, setFragmentError] = useState<string | undefined>()
  const preview = maskedPreview(rawText, suggestions, confirmed, manual)

  const addManual = () => {
    const span = findManualSpan(rawText, fragment, confirmedMasks(suggestions, confirmed, manual))
    if (typeof span === 'string') {
      setFragmentError(span)
      return
    }
    onAddManual?.(span)
    setFragment('')
    setFragmentError(undefined)
  }

  return (
    <View className="gm-mask-review">
      <Text className="gm-mask-review__label">原文（标出的是识别到的个人信息）</Text>
      <View className="gm-mask-review__raw">
        {segments(rawText, suggestions, manual).map((seg, i) =>
          seg.suggestion === -1 ? (
            <Text key={i}>{seg.text}</Text>
          ) : (
            <Text
              key={i}
              className={cx(
                'gm-mask-review__mark',
                (seg.suggestion === -2 || confirmed[seg.suggestion]) && 'gm-mask-review__mark--confirmed',
                seg.suggestion === -2 && 'gm-mask-review__mark--manual',
              )}
            >
              {seg.text}
            </Text>
          ),
        )}
      </View>
      {suggestions.length === 0 ? (
        <Text className="gm-mask-review__none">未识别到个人信息。请通读原文，确认没有需要隐去的内容。</Text>
      ) : (
        <View className="gm-mask-review__list">
          <Text className="gm-mask-review__label">确认需要隐去的内容</Text>
          {suggestions.map((s, i) => (
            <View key={`${s.start}-${s.end}`} className="gm-mask-review__suggestion">
              <CheckRow label={`隐去${personalInfoLabels[s.kind]}：${s.text}`} checked={!!confirmed[i]} onChange={(v) => onToggle(i, v)} />
              {extras && !confirmed[i] && (
                <FormField
                  name={`dismiss-${s.start}-${s.end}`}
                  label="不隐去的理由"
                  value={extras.dismissReasons[i] ?? ''}
                  hint="说明为何这不是个人信息，如：单位公开的服务电话"
                  maxlength={200}
                  onInput={(v) => onDismissReason?.(i, v)}
                />
              )}
            </View>
          ))}
        </View>
      )}
      {extras && (
        <View className="gm-mask-review__manual">
          <FormField
            name="manual-mask"
            label="手动隐去"
            value={fragment}
            hint="识别遗漏的个人信息：复制原文中的文字粘贴到这里"
            error={fragmentError}
            maxlength={200}
            onInput={(v) => {
              setFragment(v)
              setFragmentError(undefined)
            }}
            onConfirm={addManual}
          />
          <ActionButton className="gm-mask-review__manual-add" onPress={addManual}>
            隐去这段文字
          </ActionButton>
          {manual.map((m, i) => (
            <View key={`${m.start}-${m.end}`} className="gm-mask-review__manual-item">
              <Text className="gm-mask-review__manual-text">{`已手动隐去：${rawText.slice(m.start, m.end)}`}</Text>
              <ActionButton className="gm-mask-review__manual-remove" onPress={() => onRemoveManual?.(i)}>
                撤销
              </ActionButton>
            </View>
          ))}
        </View>
      )}
      <Text className="gm-mask-review__label">公开时显示为</Text>
      <Text className="gm-mask-review__preview" userSelect>
        {preview ?? '隐去范围有误，请刷新后重试'}
      </Text>
      {unmasked && unmasked.length > 0 && (
        <PersonalInfoOverride
          spans={unmasked}
          hint="请勾选隐去，或说明不隐去的理由；确需公开时："
          reason={overrideReason}
          onReason={(v) => onOverrideReason?.(v)}
          onOverride={() => onOverride?.()}
          overriding={overriding}
        />
      )}
    </View>
  )
}
