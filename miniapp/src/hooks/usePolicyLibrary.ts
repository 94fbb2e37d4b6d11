// 政策文件库: the public list citizens search, and the staff desk for documents, validity changes, interpretations and Q&A topics.
import {
  addWorkingDays,
  formatShanghaiDate,
  type InterpretationBody,
  type InterpretationKind,
  type PolicyDraftBody,
  type PolicySummary,
  type PolicyValidity,
  type StaffPolicy,
  type ResponseOf,
  workingDayCalendar,
} from '@gm/shared'
import { useState } from 'react'
import { api } from '../api'
import { type Action, useAction } from './useAction'
import { usePagedList, PAGE_SIZE, type PagedListState } from './usePagedList'
import { type RequestState, useRequest } from './useRequest'

/** Interpretations are due this many working days after the document's publication. */
export const INTERPRETATION_WORKING_DAYS = 3

/**
 * The interpretation deadline: 3 working days after publication, counted by weekends (the official
 * holiday arrangement is an administrator's page; the deadline is marked as estimated).
 */
export function interpretationDeadline(publishedAt: string): Date {
  return addWorkingDays(publishedAt, INTERPRETATION_WORKING_DAYS, workingDayCalendar([]))
}

/** Whether a document still waits for a published interpretation, and whether that is late now. */
export function interpretationDue(policy: Pick<StaffPolicy, 'publishedAt' | 'interpretations'>, now: Date = new Date()) {
  const deadline = interpretationDeadline(policy.publishedAt)
  const published = policy.interpretations.some((i) => i.status === 'PUBLISHED')
  return { deadline, done: published, overdue: !published && now.getTime() > deadline.getTime() }
}

// —— public library ————————————————————————————————————————————————————————————————————

export interface PolicyLibrary {
  q: string
  setQ: (q: string) => void
  validity: PolicyValidity | ''
  setValidity: (v: PolicyValidity | '') => void
  search: (q: string) => void
  list: PagedListState<PolicySummary>
}

/** Citizens browse and search published documents, optionally by validity. */
export function usePolicyLibrary(): PolicyLibrary {
  const [q, setQ] = useState('')
  const [asked, setAsked] = useState('')
  const [validity, setValidity] = useState<PolicyValidity | ''>('')
  const list = usePagedList(
    (page) => api.listPolicies({ query: { q: asked || undefined, validity: validity || undefined, page, pageSize: PAGE_SIZE } }),
    [asked, validity],
  )
  return { q, setQ, validity, setValidity, search: (value) => setAsked(value.trim()), list }
}

// —— staff desk ——————————————————————————————————————————————————————————————————————————

export interface PolicyDraftValues {
  title: string
  issuer: string
  docNumber: string
  writtenOn: string
  publishedOn: string
  topic: string
  summary: string
  /** Clauses, one per paragraph: "第一条 ……" — the first line is the heading. */
  text: string
}

export const emptyPolicyDraft: PolicyDraftValues = { title: '', issuer: '', docNumber: '', writtenOn: '', publishedOn: '', topic: '', summary: '', text: '' }

/** The form's values as the contract's body: clauses split on blank lines, first line the heading. */
export function policyDraftBody(values: PolicyDraftValues): PolicyDraftBody {
  const sections = values.text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => {
      const [heading, ...rest] = block.split('\n')
      return { heading: heading!.trim(), body: rest.join('\n').trim() || heading!.trim() }
    })
  return {
    title: values.title.trim(),
    issuer: values.issuer.trim(),
    docNumber: values.docNumber.trim(),
    writtenOn: values.writtenOn,
    publishedOn: values.publishedOn,
    summary: values.summary.trim(),
    topic: values.topic.trim() || null,
    sections,
    attachments: [],
  }
}

export function policyDraftValuesOf(p: StaffPolicy): PolicyDraftValues {
  return {
    title: p.title,
    issuer: p.issuer,
    docNumber: p.docNumber,
    writtenOn: formatShanghaiDate(p.writtenAt),
    publishedOn: formatShanghaiDate(p.publishedAt),
    topic: p.topic ?? '',
    summary: p.summary,
    text: p.sections.map((s) => (s.body === s.heading ? s.heading : `${s.heading}\n${s.body}`)).join('\n\n'),
  }
}

export interface InterpretationValues {
  kind: InterpretationKind
  title: string
  author: string
  text: string
  /** 图解: an https image address (no upload endpoint yet). */
  imageUrl: string
}

export const emptyInterpretation: InterpretationValues = { kind: 'TEXT', title: '', author: '', text: '', imageUrl: '' }

/** Paragraphs of text, then the 图解 image when one is given. */
export function interpretationBody(values: InterpretationValues): InterpretationBody {
  const paragraphs = values.text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ type: 'paragraph' as const, children: [{ text: p }] }))
  const image = values.imageUrl.trim() ? [{ type: 'image' as const, src: values.imageUrl.trim(), alt: `${values.title.trim()}（图解）` }] : []
  return { kind: image.length > 0 ? 'GRAPHIC' : values.kind, title: values.title.trim(), author: values.author.trim(), body: [...paragraphs, ...image] }
}

export interface ValidityValues {
  validity: PolicyValidity
  effectiveOn: string
  replacedById: string
  note: string
}

type StaffPolicyList = ResponseOf<'listStaffPolicies'>

export interface StaffPolicyDesk {
  list: RequestState<StaffPolicyList>
  selectedId: number | null
  select: (id: number | null) => void
  policy: RequestState<StaffPolicy | null>
  save: Action<[PolicyDraftValues]>
  publish: Action<[]>
  changeValidity: Action<[ValidityValues]>
  saveInterpretation: Action<[InterpretationValues, number | null]>
  publishInterpretation: Action<[number]>
  /** What the last action did, for the success notice. */
  done: string | null
}

/** The staff desk: the documents table, one selected document beside it, and every write on it. */
export function useStaffPolicyDesk(enabled: boolean): StaffPolicyDesk {
  const [selectedId, select] = useState<number | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const list = useRequest(
    () =>
      enabled ? api.listStaffPolicies({ query: { page: 1, pageSize: 50 } }) : Promise.resolve<StaffPolicyList>({ items: [], total: 0, page: 1, pageSize: 50 }),
    [enabled],
  )
  const policy = useRequest(
    () => (enabled && selectedId !== null ? api.getStaffPolicy({ params: { id: selectedId } }) : Promise.resolve(null)),
    [enabled, selectedId],
  )
  const after = async (message: string, id: number) => {
    setDone(message)
    await list.reload()
    if (id === selectedId) await policy.reload()
    else select(id)
  }
  const save = useAction(async (values: PolicyDraftValues) => {
    const body = policyDraftBody(values)
    const saved = selectedId === null ? await api.createPolicy({ body }) : await api.updatePolicy({ params: { id: selectedId }, body })
    await after(`已保存「${saved.title}」`, saved.id)
  })
  const publish = useAction(async () => {
    if (selectedId === null) return
    const saved = await api.publishPolicy({ params: { id: selectedId } })
    await after(`已发布「${saved.title}」`, saved.id)
  })
  const changeValidity = useAction(async (v: ValidityValues) => {
    if (selectedId === null) return
    const replacedById = v.replacedById.trim() ? Number(v.replacedById) : null
    const result = await api.changePolicyValidity({
      params: { id: selectedId },
      body: { validity: v.validity, effectiveOn: v.effectiveOn, replacedById, note: v.note.trim() },
    })
    await after(`效力状态已变更；${result.flaggedQaItems} 条依据它的问答已标记待复核`, result.policy.id)
  })
  const saveInterpretation = useAction(async (values: InterpretationValues, interpretationId: number | null) => {
    if (selectedId === null) return
    const body = interpretationBody(values)
    const saved =
      interpretationId === null
        ? await api.createInterpretation({ params: { id: selectedId }, body })
        : await api.updateInterpretation({ params: { id: interpretationId }, body })
    await after(`已保存解读「${saved.title}」`, selectedId)
  })
  const publishInterpretation = useAction(async (id: number) => {
    const saved = await api.publishInterpretation({ params: { id } })
    if (selectedId !== null) await after(`已发布解读「${saved.title}」`, selectedId)
  })
  return { list, selectedId, select, policy, save, publish, changeValidity, saveInterpretation, publishInterpretation, done }
}

/** 新增问答主题 (reviewers). */
export function useQaTopicForm(enabled: boolean) {
  const topics = useRequest(() => (enabled ? api.listQaTopics() : Promise.resolve([])), [enabled])
  const [name, setName] = useState('')
  const [created, setCreated] = useState<string | null>(null)
  const create = useAction(async () => {
    const topic = await api.createQaTopic({ body: { name: name.trim(), position: 0 } })
    setCreated(topic.name)
    setName('')
    await topics.reload()
  })
  return { topics, name, setName, create, created }
}
