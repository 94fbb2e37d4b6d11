// The 决策事项 form as staff type it: values, stages, their checks with the shared DecisionBodySchema, and where each error shows (pure).
import { DecisionBodySchema, type DecisionDetail, type DecisionStageKind, decisionStageKinds, shanghaiParts } from '@gm/shared'
import { isoFromShanghai, shanghaiInputValue } from './datetime'

export type DecisionValues = {
  year: string
  title: string
  summary: string
  departmentId: string
  plannedDecisionAt: string
  /** 公众参与方式, separated by 、，, or new lines. */
  participationMethods: string
}

/** One row of the stages editor: every kind has one, switched on or off. */
export interface StageDraft {
  kind: DecisionStageKind
  enabled: boolean
  /** Asia/Shanghai wall-clock text, "2026-12-01 09:00"; empty when not known yet. */
  startsAt: string
  endsAt: string
  summary: string
  link: string
}
export type StageField = 'startsAt' | 'endsAt' | 'summary' | 'link'

/**
 * Errors by path: `title`, `participationMethods`, `stages` for the whole list, and
 * `stages.<KIND>.<field>` for a stage (the body's index is translated to the stage kind).
 */
export type DecisionErrors = Record<string, string | undefined>

export const stageErrorKey = (kind: DecisionStageKind, field?: StageField) => (field ? `stages.${kind}.${field}` : `stages.${kind}`)

export function emptyDecision(now: number = Date.now()): DecisionValues {
  return { year: String(shanghaiParts(now).year), title: '', summary: '', departmentId: '', plannedDecisionAt: '', participationMethods: '' }
}

export const emptyStages = (): StageDraft[] => decisionStageKinds.map((kind) => ({ kind, enabled: false, startsAt: '', endsAt: '', summary: '', link: '' }))

export function decisionValuesOf(d: DecisionDetail): { values: DecisionValues; stages: StageDraft[] } {
  return {
    values: {
      year: String(d.year),
      title: d.title,
      summary: d.summary,
      departmentId: String(d.department.id),
      plannedDecisionAt: d.plannedDecisionAt,
      participationMethods: d.participationMethods.join('、'),
    },
    stages: emptyStages().map((row) => {
      const stage = d.stages.find((s) => s.kind === row.kind)
      return stage
        ? {
            kind: row.kind,
            enabled: true,
            startsAt: stage.startsAt ? shanghaiInputValue(stage.startsAt) : '',
            endsAt: stage.endsAt ? shanghaiInputValue(stage.endsAt) : '',
            summary: stage.summary,
            link: stage.link ?? '',
          }
        : row
    }),
  }
}

const DATE_HINT = '请按“2026-12-01 09:00”的格式填写（北京时间），不知道可留空'
const splitMethods = (text: string) =>
  text
    .split(/[、，,;；\n]/)
    .map((m) => m.trim())
    .filter(Boolean)

/** An optional time: empty is null, text that is no date is undefined (reported next to the field). */
function optionalInstant(text: string): string | null | undefined {
  return text.trim() ? isoFromShanghai(text) : null
}

/**
 * The error key of a body path: `stages.1.endsAt` → `stages.CONSULTATION.endsAt` when the second
 * stage sent was 意见征集; `participationMethods.2` → `participationMethods`.
 */
export function errorKeyOf(path: string, sentKinds: readonly DecisionStageKind[]): string {
  const parts = path.replace(/^body\./, '').split('.')
  const [head, index, field] = parts
  if (head === 'stages' && index !== undefined) {
    const kind = sentKinds[Number(index)]
    if (kind) return field && field !== 'kind' ? `stages.${kind}.${field}` : `stages.${kind}`
    return 'stages'
  }
  return head ?? ''
}

const valueKeys: readonly string[] = Object.keys(emptyDecision(0))
const stageFields: readonly string[] = ['startsAt', 'endsAt', 'summary', 'link']
/** Whether the form shows an error with this key next to a field. */
export function isShownKey(key: string): boolean {
  const [head, kind, field] = key.split('.')
  if (head !== 'stages') return valueKeys.includes(key)
  return kind === undefined || ((decisionStageKinds as readonly string[]).includes(kind) && (field === undefined || stageFields.includes(field)))
}

/** Check the form with the shared DecisionBodySchema, so the form says what the BFF would. */
export function validateDecision(values: DecisionValues, stages: readonly StageDraft[]) {
  const errors: DecisionErrors = {}
  const on = stages.filter((s) => s.enabled)
  const sentStages = on.map((s) => ({
    kind: s.kind,
    startsAt: optionalInstant(s.startsAt),
    endsAt: optionalInstant(s.endsAt),
    summary: s.summary,
    link: s.link.trim() ? s.link.trim() : null,
  }))
  const year = values.year.trim()
  const body = {
    year: /^\d{4}$/.test(year) ? Number(year) : undefined,
    title: values.title,
    summary: values.summary,
    departmentId: values.departmentId ? Number(values.departmentId) : undefined,
    plannedDecisionAt: values.plannedDecisionAt,
    participationMethods: splitMethods(values.participationMethods),
    stages: sentStages,
  }
  const kinds = on.map((s) => s.kind)
  const parsed = DecisionBodySchema.safeParse(body)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = errorKeyOf(issue.path.map(String).join('.'), kinds)
      if (key && errors[key] === undefined) errors[key] = issue.message
    }
  }
  if (!year) errors.year = '请填写年度'
  else if (body.year === undefined) errors.year = '请填写四位数的年度，如 2026'
  if (!values.departmentId) errors.departmentId = '请选择承办单位'
  sentStages.forEach((s, i) => {
    const kind = kinds[i] as DecisionStageKind
    if (s.startsAt === undefined) errors[stageErrorKey(kind, 'startsAt')] = DATE_HINT
    if (s.endsAt === undefined) errors[stageErrorKey(kind, 'endsAt')] = DATE_HINT
  })
  const ok = parsed.success && Object.keys(errors).length === 0
  return ok ? { ok: true as const, data: parsed.data, kinds } : { ok: false as const, errors }
}
