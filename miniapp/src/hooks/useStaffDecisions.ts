// 决策事项目录 for staff: the catalog by year with drafts, publishing a draft, and the editor of one entry with its stages.
import Taro from '@tarojs/taro'
import { type DecisionBody, type DecisionStageKind, type Department, type StaffDecisionDetail, type StaffDecisionSummary } from '@gm/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { type ApiError, api, toApiError } from '../api'
import {
  type DecisionErrors,
  type DecisionValues,
  decisionValuesOf,
  emptyDecision,
  emptyStages,
  errorKeyOf,
  isShownKey,
  type StageDraft,
  type StageField,
  stageErrorKey,
  validateDecision,
} from '../utils/decisionForm'
import { useDepartments } from './useConsultations'
import { useFillOnce } from './useFillOnce'
import { type RequestState, useRequest } from './useRequest'

/** Fired with the saved entry, so the 决策事项目录 page under the form shows it at once. */
const DECISION_SAVED = 'gm:decision-saved'

// —— 决策事项目录 (staff) ——————————————————————————————————————————————————————————————————

export interface DecisionYear {
  year: number
  items: StaffDecisionSummary[]
}

/** Entries grouped by year, newest year first; within a year the catalog's own order. */
export function decisionsByYear(items: readonly StaffDecisionSummary[]): DecisionYear[] {
  const years = [...new Set(items.map((d) => d.year))].sort((a, b) => b - a)
  return years.map((year) => ({ year, items: items.filter((d) => d.year === year) }))
}

export interface StaffDecisionList extends RequestState<StaffDecisionSummary[]> {
  years: DecisionYear[]
  /** The entry saved on the form page during this visit, if any. */
  saved: StaffDecisionDetail | null
  /** 发布 a draft (reviewers of its department); the list reloads. */
  publish: (id: number) => Promise<void>
  /** The draft being published now. */
  publishingId: number | null
  /** The last publication's outcome: the entry's title, or the refusal. */
  published: { title: string } | null
  publishError: ApiError | null
}

/** The catalog as staff keep it, drafts included; reloads when an entry is saved on the form page. */
export function useStaffDecisionList(enabled: boolean): StaffDecisionList {
  const list = useRequest(() => (enabled ? api.listStaffDecisions({ query: {} }) : Promise.resolve([] as StaffDecisionSummary[])), [enabled])
  const [saved, setSaved] = useState<StaffDecisionDetail | null>(null)
  const [publishingId, setPublishingId] = useState<number | null>(null)
  const [published, setPublished] = useState<{ title: string } | null>(null)
  const [publishError, setPublishError] = useState<ApiError | null>(null)
  const { reload } = list
  useEffect(() => {
    const onSaved = (...args: unknown[]) => {
      setSaved(args[0] as StaffDecisionDetail)
      void reload()
    }
    Taro.eventCenter.on(DECISION_SAVED, onSaved)
    return () => {
      Taro.eventCenter.off(DECISION_SAVED, onSaved)
    }
  }, [reload])
  const publish = useCallback(
    async (id: number) => {
      setPublishingId(id)
      setPublishError(null)
      setPublished(null)
      try {
        const entry = await api.publishDecision({ params: { id } })
        setPublished({ title: entry.title })
        await reload()
      } catch (cause) {
        setPublishError(toApiError(cause))
      } finally {
        setPublishingId(null)
      }
    },
    [reload],
  )
  return { ...list, years: decisionsByYear(list.data ?? []), saved, publish, publishingId, published, publishError }
}

// —— 新增 / 修改决策事项 ————————————————————————————————————————————————————————————————————

export {
  decisionValuesOf,
  emptyDecision,
  emptyStages,
  errorKeyOf,
  stageErrorKey,
  validateDecision,
  type DecisionErrors,
  type DecisionValues,
  type StageDraft,
  type StageField,
} from '../utils/decisionForm'
export interface DecisionEditor {
  /** The entry being edited (null for a new one). */
  existing: RequestState<StaffDecisionDetail | null>
  /** The form holds the loaded entry's values: it may show. */
  filled: boolean
  departments: RequestState<Department[]>
  values: DecisionValues
  stages: StageDraft[]
  errors: DecisionErrors
  /** A failure that belongs to no field (network, not found…), or server messages for fields the form does not show. */
  formError: ApiError | null
  saving: boolean
  /** The entry as last saved in this visit. */
  saved: StaffDecisionDetail | null
  setField: (name: keyof DecisionValues, value: string) => void
  setStage: (kind: DecisionStageKind, patch: Partial<Omit<StageDraft, 'kind'>>) => void
  /** Validate, then create or update; what the user typed stays whatever happens. */
  save: () => Promise<StaffDecisionDetail | null>
}

/** 新增 / 修改决策事项 (EDITOR): the entry's fields and its six typed stages, saved together. */
export function useDecisionEditor(id: number | null, enabled: boolean): DecisionEditor {
  const existing = useRequest(() => (id === null || !enabled ? Promise.resolve(null) : api.getStaffDecision({ params: { id } })), [id, enabled])
  const departments = useDepartments()
  const [currentId, setCurrentId] = useState(id)
  const [values, setValues] = useState<DecisionValues>(() => emptyDecision())
  const [stages, setStages] = useState<StageDraft[]>(emptyStages)
  const [errors, setErrors] = useState<DecisionErrors>({})
  const [formError, setFormError] = useState<ApiError | null>(null)
  const [saving, setSaving] = useState(false)
  const [saved, setSaved] = useState<StaffDecisionDetail | null>(null)
  const busy = useRef(false)
  const latest = useRef({ values, stages, currentId })
  latest.current = { values, stages, currentId }

  const filled = useFillOnce(existing.data, (item) => {
    const start = decisionValuesOf(item)
    setValues(start.values)
    setStages(start.stages)
  })

  const setField = useCallback((name: keyof DecisionValues, value: string) => {
    setValues((v) => ({ ...v, [name]: value }))
    setErrors((e) => (e[name] === undefined ? e : { ...e, [name]: undefined }))
    setSaved(null)
  }, [])

  const setStage = useCallback((kind: DecisionStageKind, patch: Partial<Omit<StageDraft, 'kind'>>) => {
    setStages((rows) => rows.map((row) => (row.kind === kind ? { ...row, ...patch } : row)))
    setErrors((e) => {
      const touched =
        'enabled' in patch
          ? Object.keys(e).filter((k) => k === 'stages' || k.startsWith(`stages.${kind}`))
          : Object.keys(patch).map((f) => stageErrorKey(kind, f as StageField))
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

  return { existing, filled, departments, values, stages, errors, formError, saving, saved, setField, setStage, save }
}
