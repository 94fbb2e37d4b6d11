import Taro from '@tarojs/taro'
import {
  type DecisionBody,
  DecisionBodySchema,
  type DecisionDetail,
  type DecisionStageKind,
  type DecisionSummary,
  decisionStageKinds,
  type Department,
  shanghaiParts,
} from '@gm/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { type ApiError, api, toApiError } from '../api'
import { isoFromShanghai, shanghaiInputValue } from '../utils/datetime'
import { useDepartments } from './useConsultations'
import { type RequestState, useRequest } from './useRequest'

/** Fired with the saved entry, so the 决策事项目录 page under the form shows it at once. */
const DECISION_SAVED = 'gm:decision-saved'

// —— 决策事项目录 (staff) ——————————————————————————————————————————————————————————————————

export interface DecisionYear {
  year: number
  items: DecisionSummary[]
}

/** Entries grouped by year, newest year first; within a year the catalog's own order. */
export function decisionsByYear(items: readonly DecisionSummary[]): DecisionYear[] {
  const years = [...new Set(items.map((d) => d.year))].sort((a, b) => b - a)
  return years.map((year) => ({ year, items: items.filter((d) => d.year === year) }))
}

export interface StaffDecisionList extends RequestState<DecisionSummary[]> {
  years: DecisionYear[]
  /** The entry saved on the form page during this visit, if any. */
  saved: DecisionDetail | null
}

/** The public catalog as staff keep it; reloads when an entry is saved on the form page. */
export function useStaffDecisionList(enabled: boolean): StaffDecisionList {
  const list = useRequest(() => (enabled ? api.listDecisions({ query: {} }) : Promise.resolve([] as DecisionSummary[])), [enabled])
  const [saved, setSaved] = useState<DecisionDetail | null>(null)
  const { reload } = list
  useEffect(() => {
    const onSaved = (...args: unknown[]) => {
      setSaved(args[0] as DecisionDetail)
      void reload()
    }
    Taro.eventCenter.on(DECISION_SAVED, onSaved)
    return () => {
      Taro.eventCenter.off(DECISION_SAVED, onSaved)
    }
  }, [reload])
  return { ...list, years: decisionsByYear(list.data ?? []), saved }
}

// —— 新增 / 修改决策事项 ————————————————————————————————————————————————————————————————————

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
function isShownKey(key: string): boolean {
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

export interface DecisionEditor {
  /** The entry being edited (null for a new one). */
  existing: RequestState<DecisionDetail | null>
  departments: RequestState<Department[]>
  values: DecisionValues
  stages: StageDraft[]
  errors: DecisionErrors
  /** A failure that belongs to no field (network, not found…), or server messages for fields the form does not show. */
  formError: ApiError | null
  saving: boolean
  /** The entry as last saved in this visit. */
  saved: DecisionDetail | null
  setField: (name: keyof DecisionValues, value: string) => void
  setStage: (kind: DecisionStageKind, patch: Partial<Omit<StageDraft, 'kind'>>) => void
  /** Validate, then create or update; what the user typed stays whatever happens. */
  save: () => Promise<DecisionDetail | null>
}

/** 新增 / 修改决策事项 (EDITOR): the entry's fields and its six typed stages, saved together. */
export function useDecisionEditor(id: number | null, enabled: boolean): DecisionEditor {
  const existing = useRequest(() => (id === null || !enabled ? Promise.resolve(null) : api.getDecision({ params: { id } })), [id, enabled])
  const departments = useDepartments()
  const [currentId, setCurrentId] = useState(id)
  const [values, setValues] = useState<DecisionValues>(() => emptyDecision())
  const [stages, setStages] = useState<StageDraft[]>(emptyStages)
  const [errors, setErrors] = useState<DecisionErrors>({})
  const [formError, setFormError] = useState<ApiError | null>(null)
  const [saving, setSaving] = useState(false)
  const [saved, setSaved] = useState<DecisionDetail | null>(null)
  const busy = useRef(false)
  const loaded = useRef(false)
  const latest = useRef({ values, stages, currentId })
  latest.current = { values, stages, currentId }

  const item = existing.data
  useEffect(() => {
    if (!item || loaded.current) return
    loaded.current = true
    const start = decisionValuesOf(item)
    setValues(start.values)
    setStages(start.stages)
  }, [item])

  const setField = useCallback((name: keyof DecisionValues, value: string) => {
    setValues((v) => ({ ...v, [name]: value }))
    setErrors((e) => (e[name] === undefined ? e : { ...e, [name]: undefined }))
    setSaved(null)
  }, [])

  const setStage = useCallback((kind: DecisionStageKind, patch: Partial<Omit<StageDraft, 'kind'>>) => {
    setStages((rows) => rows.map((row) => (row.kind === kind ? { ...row, ...patch } : row)))
    setErrors((e) => {
      const touched = 'enabled' in patch ? Object.keys(e).filter((k) => k === 'stages' || k.startsWith(`stages.${kind}`)) : Object.keys(patch).map((f) => stageErrorKey(kind, f as StageField))
      return touched.some((k) => e[k] !== undefined) ? { ...e, ...Object.fromEntries(touched.map((k) => [k, undefined])) } : e
    })
    setSaved(null)
  }, [])

  const save = useCallback(async () => {
    if (busy.current) return null
    const { values: v, stages: rows, currentId: target } = latest.current
    const checked = validateDecision(v, rows)
    if (!checked.ok) {
      setErrors(checked.errors)
      setFormError(null)
      return null
    }
    busy.current = true
    setSaving(true)
    setErrors({})
    setFormError(null)
    setSaved(null)
    const body: DecisionBody = checked.data
    try {
      const result = target === null ? await api.createDecision({ body }) : await api.updateDecision({ params: { id: target }, body })
      setCurrentId(result.id)
      setSaved(result)
      Taro.eventCenter.trigger(DECISION_SAVED, result)
      return result
    } catch (cause) {
      const error = toApiError(cause)
      const fields: DecisionErrors = {}
      for (const [path, message] of Object.entries(error.fields)) {
        const key = errorKeyOf(path, checked.kinds)
        if (key && fields[key] === undefined) fields[key] = message
      }
      setErrors(fields)
      // a message for no field the form shows (or none at all) is shown above the button
      if (Object.keys(fields).length === 0 || Object.keys(fields).some((key) => !isShownKey(key))) setFormError(error)
      return null
    } finally {
      busy.current = false
      setSaving(false)
    }
  }, [])

  return { existing, departments, values, stages, errors, formError, saving, saved, setField, setStage, save }
}
