// 起草 / 修改问答 (EDITOR): the item form, its answer kept structured when unchanged, the cited policy and clause.
import { type Department, QaDraftBodySchema, type RichText, type StaffQaItem } from '@gm/shared'
import { useCallback, useRef, useState } from 'react'
import type { z } from 'zod'
import { api } from '../api'
import { validateWith } from '../utils/form'
import { hasFormatting, plainTextOf } from '../utils/richText'
import { useDepartments } from './useConsultations'
import { useFillOnce } from './useFillOnce'
import { type FormState, useForm } from './useForm'
import { type RequestState, useRequest } from './useRequest'

export type QaItemValues = {
  question: string
  /** 相似问法, one per line. */
  aliases: string
  /** Plain text, paragraphs by line. */
  answer: string
  topic: string
  departmentId: string
  policyDocumentId: string
  clauseId: string
}

export const emptyQaItem: QaItemValues = { question: '', aliases: '', answer: '', topic: '', departmentId: '', policyDocumentId: '', clauseId: '' }

/** What the editor starts from: the change waiting for review if there is one, else the item. */
function startingPoint(item: StaffQaItem): { values: QaItemValues; blocks: RichText } {
  const source = item.pendingRevision
  const blocks = source ? source.answer : item.answerBlocks
  const data = source ?? { ...item, departmentId: item.department?.id ?? null, policyDocumentId: item.policy?.id ?? null, clauseId: item.clauseId }
  return {
    blocks,
    values: {
      question: data.question,
      aliases: data.aliases.join('\n'),
      answer: source ? plainTextOf(blocks) : item.answer,
      topic: data.topic,
      departmentId: data.departmentId ? String(data.departmentId) : '',
      policyDocumentId: data.policyDocumentId ? String(data.policyDocumentId) : '',
      clauseId: data.clauseId ? String(data.clauseId) : '',
    },
  }
}

const idOf = (value: string) => (value ? Number(value) : null)

/**
 * Check the form with the shared QaDraftBodySchema. An answer left as loaded is sent in its
 * structured form, so editing the question does not drop the answer's links or bold text.
 */
export function validateQaItem(values: QaItemValues, loaded: { answer: string; blocks: RichText } | null) {
  return validateWith<typeof QaDraftBodySchema, keyof QaItemValues>(QaDraftBodySchema, {
    question: values.question,
    aliases: values.aliases
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    answer: loaded && values.answer === loaded.answer ? loaded.blocks : values.answer,
    topic: values.topic,
    departmentId: idOf(values.departmentId),
    policyDocumentId: idOf(values.policyDocumentId),
    clauseId: idOf(values.clauseId),
  })
}

export interface PolicyChoice {
  id: number
  title: string
  docNumber: string
}

export interface QaItemEditor {
  /** The item being edited (null for a new one). */
  existing: RequestState<StaffQaItem | null>
  /** The form holds the loaded item's values: it may show. */
  filled: boolean
  form: FormState<QaItemValues>
  topics: RequestState<string[]>
  departments: Department[]
  /** The answer as loaded has formatting that changing it as plain text would drop. */
  richAnswer: boolean
  policy: {
    selected: PolicyChoice | null
    choose: (policy: PolicyChoice | null) => void
    search: (q: string) => void
    /** Results of the last search; undefined before any. */
    results: RequestState<PolicyChoice[] | null>
    clauses: RequestState<{ id: number; label: string }[] | null>
  }
  /** The item as last saved in this visit. */
  saved: StaffQaItem | null
}

/** 起草 / 修改问答 (EDITOR): a draft changes at once; a published item's change waits for a reviewer. */
export function useQaItemEditor(id: number | null, enabled: boolean): QaItemEditor {
  const [currentId, setCurrentId] = useState(id)
  const [saved, setSaved] = useState<StaffQaItem | null>(null)
  const existing = useRequest(() => (id === null || !enabled ? Promise.resolve(null) : api.getStaffQaItem({ params: { id } })), [id, enabled])
  const topics = useRequest(() => (enabled ? api.listQaTopics().then((list) => list.map((t) => t.topic)) : Promise.resolve([])), [enabled])
  const departments = useDepartments()
  const loaded = useRef<{ answer: string; blocks: RichText } | null>(null)
  const [selected, setSelected] = useState<PolicyChoice | null>(null)
  const [keyword, setKeyword] = useState<string | null>(null)

  const form = useForm<QaItemValues, z.output<typeof QaDraftBodySchema>>({
    initial: emptyQaItem,
    validate: (values) => validateQaItem(values, loaded.current),
    submit: async (body) => {
      const item = currentId === null ? await api.createQaItem({ body }) : await api.updateQaItem({ params: { id: currentId }, body })
      const start = startingPoint(item)
      loaded.current = { answer: start.values.answer, blocks: start.blocks }
      setCurrentId(item.id)
      setSaved(item)
    },
  })

  const { setField } = form
  const filled = useFillOnce(existing.data, (item) => {
    const start = startingPoint(item)
    loaded.current = { answer: start.values.answer, blocks: start.blocks }
    for (const [name, value] of Object.entries(start.values) as [keyof QaItemValues, string][]) setField(name, value)
    const policy = item.policy
    if (policy && (!item.pendingRevision || item.pendingRevision.policyDocumentId === policy.id))
      setSelected({ id: policy.id, title: policy.title, docNumber: policy.docNumber })
    // A pending change citing another document: its title comes with the clauses below.
    else if (item.pendingRevision?.policyDocumentId) setSelected({ id: item.pendingRevision.policyDocumentId, title: '', docNumber: '' })
  })

  const results = useRequest(
    () =>
      keyword === null || !enabled
        ? Promise.resolve(null)
        : api
            .listStaffPolicies({ query: { ...(keyword ? { q: keyword } : {}), pageSize: 20 } })
            .then((page) => page.items.map(({ id, title, docNumber }) => ({ id, title, docNumber }))),
    [keyword, enabled],
  )
  const policyDoc = useRequest(
    () => (selected === null || !enabled ? Promise.resolve(null) : api.getStaffPolicy({ params: { id: selected.id } })),
    [selected?.id, enabled],
  )
  const clauses = {
    ...policyDoc,
    data:
      policyDoc.data === undefined
        ? undefined
        : (policyDoc.data?.sections.map((s) => ({ id: s.id, label: `第 ${s.position} 条 ${s.heading}`.trim() })) ?? null),
  }
  const shown = selected && !selected.title && policyDoc.data ? { id: selected.id, title: policyDoc.data.title, docNumber: policyDoc.data.docNumber } : selected

  const choose = useCallback(
    (policy: PolicyChoice | null) => {
      setSelected(policy)
      setField('policyDocumentId', policy ? String(policy.id) : '')
      setField('clauseId', '')
    },
    [setField],
  )

  const richAnswer = loaded.current !== null && form.values.answer === loaded.current.answer && hasFormatting(loaded.current.blocks)

  return {
    existing,
    filled,
    form,
    topics,
    departments: departments.data ?? [],
    richAnswer,
    policy: { selected: shown, choose, search: (q: string) => setKeyword(q.trim()), results, clauses },
    saved,
  }
}
