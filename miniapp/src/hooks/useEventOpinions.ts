// Gives the 参加人员意见 page an event's recorded opinions, who attended, and the record form with personal-data masks for the published text.
import {
  findPersonalInfo,
  formatShanghaiDate,
  type PersonalInfoMatch,
  RecordEventOpinionBodySchema,
  type StaffEventOpinion,
  type UnmaskedSpan,
} from '@gm/shared'
import { useCallback, useMemo, useRef, useState } from 'react'
import { api } from '../api'
import { type EventOpinionValues, NO_REGISTRATION } from '../components/EventOpinionForm'
import { confirmedMasks, dismissalsOf, findManualSpan, type MaskReviewExtras, masksByHand, suggestionsBeside, type TextSpan } from '../components/MaskReview'
import { validateWith } from '../utils/form'
import { shanghaiToday } from '../utils/datetime'
import { notFound } from './notFound'
import { type Action, useAction } from './useAction'
import { type FormState, useForm } from './useForm'
import { usePersonalInfoOverride } from './usePersonalInfoOverride'
import { type RequestState, useRequest } from './useRequest'
import { type StaffEventView, type StaffRegistration, useEventRegistrations, useStaffEvent } from './useStaffEvents'

export interface EventOpinions extends RequestState<StaffEventOpinion[]> {
  /** Show a recorded or answered opinion as the server answered it, without a reload. */
  put: (opinion: StaffEventOpinion) => void
  /** Leave out an opinion the server deleted, without a reload. */
  drop: (id: number) => void
}

/** 参加人员意见 of one event (reviewers), oldest first as the BFF lists them. */
export function useEventOpinions(eventId: number | null, enabled: boolean): EventOpinions {
  const list = useRequest(() => {
    if (!enabled) return Promise.resolve([] as StaffEventOpinion[])
    if (eventId === null) return Promise.reject(notFound())
    return api.listEventOpinions({ params: { id: eventId } })
  }, [eventId, enabled])
  const [changed, setChanged] = useState<Record<number, StaffEventOpinion>>({})
  const [dropped, setDropped] = useState<ReadonlySet<number>>(() => new Set())
  const put = useCallback((opinion: StaffEventOpinion) => setChanged((all) => ({ ...all, [opinion.id]: opinion })), [])
  const drop = useCallback((id: number) => setDropped((all) => new Set(all).add(id)), [])
  const { reload } = list
  const reloadAll = useCallback(async () => {
    await reload()
    setChanged({})
    setDropped(new Set())
  }, [reload])
  const data = useMemo(() => {
    if (list.data === undefined) return undefined
    const listed = new Set(list.data.map((o) => o.id))
    const added = Object.values(changed).filter((o) => !listed.has(o.id))
    return [...list.data.map((o) => changed[o.id] ?? o), ...added].filter((o) => !dropped.has(o.id)).sort((a, b) => a.id - b.id)
  }, [list.data, changed, dropped])
  return { ...list, data, reload: reloadAll, put, drop }
}

export interface EventOpinionDesk {
  event: RequestState<StaffEventView>
  opinions: EventOpinions
  /** Who may have spoken: selected or checked-in registrations (empty until the list is there). */
  attendees: StaffRegistration[]
  /** The registrations could not be loaded: opinions can still be recorded without one. */
  attendeesFailed: boolean
  /** The registration an opinion was recorded for, when known. */
  registrationOf: (id: number | null) => StaffRegistration | undefined
}

/** 参加人员意见 page: the event (is its outcome public yet?), its opinions and who attended. */
export function useEventOpinionDesk(eventId: number | null, enabled: boolean): EventOpinionDesk {
  const event = useStaffEvent(enabled ? eventId : null)
  const opinions = useEventOpinions(eventId, enabled)
  const registrations = useEventRegistrations(eventId, enabled)
  const all = registrations.data
  const attendees = useMemo(() => (all ?? []).filter((r) => r.status === 'CHECKED_IN' || r.status === 'SELECTED'), [all])
  const registrationOf = useCallback((id: number | null) => (id === null ? undefined : all?.find((r) => r.id === id)), [all])
  return { event, opinions, attendees, attendeesFailed: registrations.error !== null, registrationOf }
}

type EventOpinionField = keyof EventOpinionValues

/** A detected span is unticked by what it is, so typing elsewhere in the text keeps the choice. */
const maskKey = (s: PersonalInfoMatch) => `${s.kind}:${s.text}`

/**
 * The body the BFF will parse. Masks are offsets into the trimmed text, because the shared
 * schema trims `text` before the server applies them.
 */
export function validateEventOpinion(
  values: EventOpinionValues,
  suggestions: readonly PersonalInfoMatch[],
  confirmed: readonly boolean[],
  review: { extras?: MaskReviewExtras; override?: string } = {},
) {
  const dismissals = review.extras ? dismissalsOf(suggestions, confirmed, review.extras.dismissReasons) : []
  return validateWith<typeof RecordEventOpinionBodySchema, EventOpinionField>(RecordEventOpinionBodySchema, {
    registrationId: values.registrationId === NO_REGISTRATION || values.registrationId === '' ? null : Number(values.registrationId),
    text: values.text.trim(),
    masks: confirmedMasks(suggestions, confirmed, review.extras?.manual ?? []),
    ...(dismissals.length ? { dismissals } : {}),
    ...(review.override ? { override: review.override } : {}),
    ...(values.receivedOn.trim() ? { receivedOn: values.receivedOn.trim() } : {}),
  })
}

export interface EventOpinionForm extends FormState<EventOpinionValues> {
  /** The text as it will be recorded (trimmed), which the masks refer to. */
  recordedText: string
  /** Personal information found in the text (shared rule) and whether staff keep each masked. */
  suggestions: PersonalInfoMatch[]
  confirmed: boolean[]
  toggleMask: (index: number, confirmed: boolean) => void
  /** Reasons for suggestions left unmasked, and spans masked by hand (offsets into `recordedText`). */
  extras: MaskReviewExtras
  setDismissReason: (index: number, reason: string) => void
  addManual: (span: TextSpan) => void
  removeManual: (index: number) => void
  /** What the server still found unmasked (PERSONAL_INFO_UNMASKED), and the 仍然公开 reason. */
  unmasked: UnmaskedSpan[] | undefined
  overrideReason: string
  setOverrideReason: (reason: string) => void
  submitWithOverride: () => void
  /** The latest opinion recorded with this form, for a confirmation. */
  recorded: StaffEventOpinion | null
}

/** The form's values for a recorded opinion being corrected (its masks: see `keptMasks`). */
const valuesOf = (o: StaffEventOpinion): EventOpinionValues => ({
  registrationId: o.registrationId === null ? NO_REGISTRATION : String(o.registrationId),
  text: o.rawText,
  receivedOn: formatShanghaiDate(o.receivedAt),
})

/** Masks by hand (or kept from the record) for one version of the text. */
type ManualMasks = { text: string; spans: readonly TextSpan[] }

/**
 * A recorded opinion's masks that the detector does not find as they are (masked by hand, or a kind it no
 * longer detects there): the correction keeps them as masks by hand. The others are its suggestions, ticked.
 */
const keptMasks = (o: StaffEventOpinion): ManualMasks => ({ text: o.rawText, spans: masksByHand(o.masks, findPersonalInfo(o.rawText)) })

/** Masks by hand follow the text: once it is edited, each is found again by its words, and dropped only when they are gone. */
function manualIn(text: string, manual: ManualMasks): TextSpan[] {
  if (manual.text === text) return [...manual.spans]
  const spans: TextSpan[] = []
  for (const m of manual.spans) {
    const span = findManualSpan(text, manual.text.slice(m.start, m.end), spans)
    if (typeof span !== 'string') spans.push(m.kind ? { ...span, kind: m.kind } : span)
  }
  return spans.sort((a, b) => a.start - b.start)
}

/** Detected personal information, less what a mask by hand already covers or overlaps (that mask decides). */
const detectedBeside = (text: string, manual: readonly TextSpan[]) => suggestionsBeside(findPersonalInfo(text), manual)

/**
 * 记录意见: who said it, what they said, and the masks staff confirm for the published text. With
 * `editing`, the same form corrects that recorded opinion (updateEventOpinion) instead.
 */
export function useEventOpinionForm(eventId: number | null, onRecorded: (opinion: StaffEventOpinion) => void, editing?: StaffEventOpinion): EventOpinionForm {
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(() => new Set())
  const [reasons, setReasons] = useState<ReadonlyMap<string, string>>(() => new Map())
  /** Masks by hand, with the text they were made on; correcting a record starts from its stored masks. */
  const [manual, setManual] = useState<ManualMasks>(() => (editing ? keptMasks(editing) : { text: '', spans: [] }))
  const [overrideReason, setOverrideReason] = useState('')
  const withOverride = useRef(false)
  const [recorded, setRecorded] = useState<StaffEventOpinion | null>(null)
  const form = useForm({
    initial: editing ? valuesOf(editing) : ({ registrationId: NO_REGISTRATION, text: '', receivedOn: shanghaiToday() } as EventOpinionValues),
    validate: (values: EventOpinionValues) => {
      const text = values.text.trim()
      const hand = manualIn(text, manual)
      const found = detectedBeside(text, hand)
      const extras = { dismissReasons: found.map((s) => reasons.get(maskKey(s)) ?? ''), manual: hand }
      return validateEventOpinion(
        values,
        found,
        found.map((s) => !unticked.has(maskKey(s))),
        { extras, override: withOverride.current ? overrideReason.trim() : undefined },
      )
    },
    submit: async (body) => {
      if (eventId === null) return
      const opinion = editing
        ? await api.updateEventOpinion({ params: { id: editing.id }, body })
        : await api.recordEventOpinion({ params: { id: eventId }, body })
      onRecorded(opinion)
      setRecorded(opinion)
      setUnticked(new Set())
      setReasons(new Map())
      setManual({ text: '', spans: [] })
      setOverrideReason('')
      reset()
    },
  })
  const { reset, values, setField } = form
  const recordedText = values.text.trim()
  const manualSpans = useMemo(() => manualIn(recordedText, manual), [recordedText, manual])
  const suggestions = useMemo(() => detectedBeside(recordedText, manualSpans), [recordedText, manualSpans])
  const confirmed = suggestions.map((s) => !unticked.has(maskKey(s)))
  const toggleMask = useCallback(
    (index: number, keep: boolean) => {
      const s = suggestions[index]
      if (!s) return
      setUnticked((all) => {
        const next = new Set(all)
        if (keep) next.delete(maskKey(s))
        else next.add(maskKey(s))
        return next
      })
    },
    [suggestions],
  )
  const extras: MaskReviewExtras = {
    dismissReasons: suggestions.map((s) => reasons.get(maskKey(s)) ?? ''),
    manual: manualSpans,
  }
  const setDismissReason = useCallback(
    (index: number, reason: string) => {
      const s = suggestions[index]
      if (s) setReasons((all) => new Map(all).set(maskKey(s), reason))
    },
    [suggestions],
  )
  const addManual = useCallback((span: TextSpan) => setManual({ text: recordedText, spans: [...manualSpans, span] }), [recordedText, manualSpans])
  const removeManual = useCallback(
    (index: number) => setManual({ text: recordedText, spans: manualSpans.filter((_, i) => i !== index) }),
    [recordedText, manualSpans],
  )
  const unmasked = usePersonalInfoOverride(form.formError, form.submitting).spans
  const { handleSubmit } = form
  const submitWithOverride = useCallback(() => {
    withOverride.current = true
    void handleSubmit().finally(() => {
      withOverride.current = false
    })
  }, [handleSubmit])
  const setFieldAndClear = useCallback(
    (name: EventOpinionField, value: string) => {
      setRecorded(null)
      setField(name, value)
    },
    [setField],
  )
  return {
    ...form,
    setField: setFieldAndClear,
    recordedText,
    suggestions,
    confirmed,
    toggleMask,
    extras,
    setDismissReason,
    addManual,
    removeManual,
    unmasked,
    overrideReason,
    setOverrideReason,
    submitWithOverride,
    recorded,
  }
}

/** 删除 a recorded opinion (before the outcome is public); `onRemoved` gets its id once the server deleted it. */
export function useEventOpinionRemoval(onRemoved: (id: number) => void): Action<[id: number]> {
  return useAction(async (id: number) => {
    await api.deleteEventOpinion({ params: { id } })
    onRemoved(id)
  })
}
