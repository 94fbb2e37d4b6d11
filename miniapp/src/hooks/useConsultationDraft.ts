// 起草 / 修改意见征集 (EDITOR): the draft form, its clauses, its checks with the shared schema, the consultation being edited, and a revision of a published draft.
import { type ConsultationDetail, ConsultationDraftBodySchema, errorTable, isMajorConsultation, needsShortWindowReason, RevisionBodySchema } from '@gm/shared'
import { useCallback, useRef, useState } from 'react'
import { type ApiError, api, toApiError } from '../api'
import { type RequestState, useRequest } from './useRequest'
import { useFillOnce } from './useFillOnce'
import type { SectionDraft } from '../components/SectionsEditor'
import { isoFromShanghai, shanghaiInputValue } from '../utils/datetime'

export type DraftValues = {
  title: string
  summary: string
  explanation: string
  background: string
  departmentId: string
  /** The 重大行政决策事项目录 entry consulted on ('' for none): linked means major by definition */
  decisionId: string
  /** 'true' for a major administrative decision (the 30-day rule applies); implied by a catalog link */
  isMajorDecision: string
  opensAt: string
  closesAt: string
  shortWindowReason: string
}
/** Field errors by path: `title`, `sections`, `sections.0.heading`… */
export type DraftErrors = Record<string, string | undefined>

export const emptyDraft: DraftValues = {
  title: '',
  summary: '',
  explanation: '',
  background: '',
  departmentId: '',
  decisionId: '',
  isMajorDecision: 'true',
  opensAt: '',
  closesAt: '',
  shortWindowReason: '',
}

const DATE_HINT = '请按“2026-12-01 09:00”的格式填写（北京时间）'

export function draftValuesOf(c: ConsultationDetail): DraftValues {
  return {
    title: c.title,
    summary: c.summary,
    explanation: c.explanation,
    background: c.background,
    departmentId: String(c.department.id),
    decisionId: c.decisionId === null ? '' : String(c.decisionId),
    isMajorDecision: c.isMajorDecision ? 'true' : '',
    opensAt: shanghaiInputValue(c.opensAt),
    closesAt: shanghaiInputValue(c.closesAt),
    shortWindowReason: c.shortWindowReason ?? '',
  }
}

/**
 * Check a draft with the shared schema (the form says what the BFF would), plus the publication
 * rule asked at writing time: a major decision consulted on for less than 30 days needs a reason.
 */
export function validateDraft(values: DraftValues, sections: readonly SectionDraft[]) {
  const opensAt = isoFromShanghai(values.opensAt)
  const closesAt = isoFromShanghai(values.closesAt)
  const body = {
    title: values.title,
    summary: values.summary,
    explanation: values.explanation,
    background: values.background,
    departmentId: values.departmentId ? Number(values.departmentId) : undefined,
    decisionId: values.decisionId ? Number(values.decisionId) : null,
    isMajorDecision: isMajorConsultation(values.decisionId ? Number(values.decisionId) : null, values.isMajorDecision === 'true'),
    opensAt,
    closesAt,
    shortWindowReason: values.shortWindowReason.trim() ? values.shortWindowReason : null,
    sections: sections.map(({ heading, body: text }) => ({ heading, body: text })),
  }
  const errors: DraftErrors = {}
  const parsed = ConsultationDraftBodySchema.safeParse(body)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.')
      if (path && errors[path] === undefined) errors[path] = issue.message
    }
  }
  if (!values.departmentId) errors.departmentId = '请选择承办单位'
  if (!opensAt) errors.opensAt = DATE_HINT
  if (!closesAt) errors.closesAt = DATE_HINT
  if (opensAt && closesAt && !values.shortWindowReason.trim() && needsShortWindowReason(body.isMajorDecision, opensAt, closesAt)) {
    errors.shortWindowReason = errorTable.SHORT_WINDOW_REASON_REQUIRED.message
  }
  const ok = parsed.success && Object.keys(errors).length === 0
  return ok ? { ok: true as const, data: parsed.data } : { ok: false as const, errors }
}

export interface ConsultationDraftForm {
  values: DraftValues
  sections: SectionDraft[]
  errors: DraftErrors
  formError: ApiError | null
  saving: boolean
  setField: (name: keyof DraftValues, value: string) => void
  setSections: (sections: SectionDraft[]) => void
  nextKey: () => number
  /** Load an existing draft into the form (once it has arrived). */
  load: (c: ConsultationDetail) => void
  /** Validate, then create or update; resolves with the saved draft, or null. */
  save: () => Promise<ConsultationDetail | null>
}

/** 起草 / 修改意见征集: fields, the clauses editor, inline errors; input kept on failure. */
export function useConsultationDraft(id: number | null): ConsultationDraftForm {
  const keys = useRef(1)
  const nextKey = useCallback(() => ++keys.current, [])
  const [values, setValues] = useState<DraftValues>(emptyDraft)
  const [sections, setSectionsState] = useState<SectionDraft[]>([{ key: 1, heading: '', body: '' }])
  const [errors, setErrors] = useState<DraftErrors>({})
  const [formError, setFormError] = useState<ApiError | null>(null)
  const [saving, setSaving] = useState(false)
  const latest = useRef({ values, sections })
  latest.current = { values, sections }

  const setField = useCallback((name: keyof DraftValues, value: string) => {
    setValues((v) => ({ ...v, [name]: value }))
    setErrors((e) => (e[name] === undefined ? e : { ...e, [name]: undefined }))
  }, [])

  const setSections = useCallback((next: SectionDraft[]) => {
    setSectionsState(next)
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('sections'))))
  }, [])

  const load = useCallback(
    (c: ConsultationDetail) => {
      setValues(draftValuesOf(c))
      setSectionsState([...c.sections].sort((a, b) => a.position - b.position).map((s) => ({ key: nextKey(), heading: s.heading, body: s.body })))
    },
    [nextKey],
  )

  const save = useCallback(async () => {
    const checked = validateDraft(latest.current.values, latest.current.sections)
    if (!checked.ok) {
      setErrors(checked.errors)
      setFormError(null)
      return null
    }
    setSaving(true)
    setErrors({})
    setFormError(null)
    try {
      return id === null ? await api.createConsultation({ body: checked.data }) : await api.updateConsultation({ params: { id }, body: checked.data })
    } catch (e) {
      const error = toApiError(e)
      const fields = Object.fromEntries(Object.entries(error.fields).map(([path, message]) => [path.replace(/^body\./, ''), message]))
      if (Object.keys(fields).length > 0) setErrors(fields)
      else setFormError(error)
      return null
    } finally {
      setSaving(false)
    }
  }, [id])

  return { values, sections, errors, formError, saving, setField, setSections, nextKey, load, save }
}

export interface ConsultationEditor {
  draft: ConsultationDraftForm
  /** The consultation being edited (null for a new one), loaded into the draft once it arrives. */
  existing: RequestState<ConsultationDetail | null>
  /** The draft holds the loaded consultation's values (or there is none to load): the form may show. */
  filled: boolean
}

/** The draft form of a new consultation, or of consultation `id` once it is read (again when another staff member signs in). */
export function useConsultationEditor(id: number | null, enabled: boolean, staffId: number | undefined): ConsultationEditor {
  const draft = useConsultationDraft(id)
  const existing = useRequest(() => (id === null || !enabled ? Promise.resolve(null) : api.getStaffConsultation({ params: { id } })), [id, enabled, staffId])
  const filled = useFillOnce(existing.data, draft.load)
  return { draft, existing, filled }
}

export interface DraftRevisionForm {
  note: string
  sections: SectionDraft[]
  errors: DraftErrors
  formError: ApiError | null
  saving: boolean
  setNote: (note: string) => void
  setSections: (sections: SectionDraft[]) => void
  nextKey: () => number
  /** Start from the current version's clauses. */
  start: (c: ConsultationDetail) => void
  /** Validate with the shared schema, then publish the revision; resolves with the consultation as it now is, or null. */
  submit: () => Promise<ConsultationDetail | null>
}

/** 发布修订版本: the change note and the new version's clauses (the current ones to start with); input kept on failure. */
export function useDraftRevision(id: number | null): DraftRevisionForm {
  const keys = useRef(1)
  const nextKey = useCallback(() => ++keys.current, [])
  const [note, setNoteState] = useState('')
  const [sections, setSectionsState] = useState<SectionDraft[]>([])
  const [errors, setErrors] = useState<DraftErrors>({})
  const [formError, setFormError] = useState<ApiError | null>(null)
  const [saving, setSaving] = useState(false)
  const latest = useRef({ note, sections })
  latest.current = { note, sections }

  const setNote = useCallback((value: string) => {
    setNoteState(value)
    setErrors((e) => ({ ...e, note: undefined }))
  }, [])
  const setSections = useCallback((next: SectionDraft[]) => {
    setSectionsState(next)
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('sections'))))
  }, [])
  const start = useCallback(
    (c: ConsultationDetail) => {
      setNoteState('')
      setErrors({})
      setFormError(null)
      setSectionsState([...c.sections].sort((a, b) => a.position - b.position).map((s) => ({ key: nextKey(), heading: s.heading, body: s.body })))
    },
    [nextKey],
  )
  const submit = useCallback(async () => {
    if (id === null) return null
    const body = { note: latest.current.note, sections: latest.current.sections.map(({ heading, body: text }) => ({ heading, body: text })) }
    const parsed = RevisionBodySchema.safeParse(body)
    if (!parsed.success) {
      const found: DraftErrors = {}
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.')
        if (path && found[path] === undefined) found[path] = issue.message
      }
      setErrors(found)
      return null
    }
    setSaving(true)
    setErrors({})
    setFormError(null)
    try {
      return await api.reviseDraft({ params: { id }, body: parsed.data })
    } catch (e) {
      const error = toApiError(e)
      const fields = Object.fromEntries(Object.entries(error.fields).map(([path, message]) => [path.replace(/^body\./, ''), message]))
      if (Object.keys(fields).length > 0) setErrors(fields)
      else setFormError(error)
      return null
    } finally {
      setSaving(false)
    }
  }, [id])
  return { note, sections, errors, formError, saving, setNote, setSections, nextKey, start, submit }
}
