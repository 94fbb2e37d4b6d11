// 政策 for citizens and staff: documents, interpretations, 向工作人员提问 with 我的提问, and the staff queue of policy questions.
import {
  type AnswerPolicyQuestionBody,
  type AskPolicyQuestionBody,
  AskPolicyQuestionBodySchema,
  type Interpretation,
  type MyPolicyQuestion,
  type PolicyDetail,
  type PolicyQuestionStatus,
  type StaffPolicyQuestion,
} from '@gm/shared'
import { useCallback, useState } from 'react'
import { type ApiError, api } from '../api'
import { validateWith } from '../utils/form'
import { notFound } from './notFound'
import type { FormState } from './useForm'
import { useKeyedSubmission } from './useKeyedSubmission'
import { PAGE_SIZE, type PagedListState, usePagedList } from './usePagedList'
import { type RequestState, useRequest } from './useRequest'
import { useRowActions } from './useRowActions'
import { useSession } from './useSession'

/** A policy document: full text by sections, attachments, interpretations, its Q&A items. */
export function usePolicy(id: number | null): RequestState<PolicyDetail> {
  return useRequest(() => (id === null ? Promise.reject(notFound()) : api.getPolicy({ params: { id } })), [id])
}

/** An interpretation (文字 / 图文 / 问答式) and the document it explains. */
export function usePolicyInterpretation(id: number | null): RequestState<Interpretation> {
  return useRequest(() => (id === null ? Promise.reject(notFound()) : api.getInterpretation({ params: { id } })), [id])
}

// —— 向工作人员提问 ————————————————————————————————————————————————————————————————————

export type PolicyQuestionValues = { text: string; topic: string }
type AskField = keyof PolicyQuestionValues

/** The contract body from the form; an empty topic is left out. */
export function policyQuestionBody(values: PolicyQuestionValues, idempotencyKey: string, policyDocumentId: number | null) {
  return {
    text: values.text,
    ...(values.topic.trim() ? { topic: values.topic.trim() } : {}),
    ...(policyDocumentId ? { policyDocumentId } : {}),
    idempotencyKey,
  }
}

export function validatePolicyQuestion(values: PolicyQuestionValues, idempotencyKey: string, policyDocumentId: number | null) {
  return validateWith<typeof AskPolicyQuestionBodySchema, AskField>(AskPolicyQuestionBodySchema, policyQuestionBody(values, idempotencyKey, policyDocumentId))
}

export interface PolicyQuestionForm {
  form: FormState<PolicyQuestionValues>
  receipt: MyPolicyQuestion | null
  /** Kept for every retry of this form; a new one only for a new question. */
  idempotencyKey: string
  startOver: () => void
  /** When the form opened with an unsent question kept on the device: when it was saved (ms). */
  restoredAt: number | null
  /** Forget the kept question and empty the form. */
  discardDraft: () => void
  /** 问题类别 to choose from: the Q&A topics (empty while loading or when they cannot be read). */
  topics: string[]
}

/**
 * 向工作人员提问: one idempotency key per form, reused on every retry (the BFF answers a replay
 * with the first receipt); the subscribe consent for the answer is asked at the first submit tap.
 */
export function usePolicyQuestionForm(initial: Partial<PolicyQuestionValues>, policyDocumentId: number | null = null): PolicyQuestionForm {
  const { result, ...rest } = useKeyedSubmission<PolicyQuestionValues, AskPolicyQuestionBody, MyPolicyQuestion>({
    initial: { text: initial.text ?? '', topic: initial.topic ?? '' },
    validate: (values, key) => validatePolicyQuestion(values, key, policyDocumentId),
    send: (body) => api.askPolicyQuestion({ body }),
    // Answers to policy questions use the 「意见答复」 template (see the BFF's answerPolicyQuestion).
    subscribeTo: ['OPINION_ANSWERED'],
    draft: { name: `question:${policyDocumentId ?? 'general'}`, fields: QUESTION_DRAFT_FIELDS },
  })
  const topics = useRequest(() => api.listQaTopics(), [])
  return { ...rest, receipt: result, topics: topics.data?.map((t) => t.topic) ?? [] }
}

const QUESTION_DRAFT_FIELDS = ['text', 'topic'] as const

/** 我的提问, page by page; reloads when another person signs in. */
export function useMyPolicyQuestions(): PagedListState<MyPolicyQuestion> {
  const { me } = useSession()
  return usePagedList(
    (page) =>
      me?.kind === 'citizen'
        ? api.listMyPolicyQuestions({ query: { page, pageSize: PAGE_SIZE } })
        : Promise.resolve({ items: [], total: 0, page, pageSize: PAGE_SIZE }),
    [me?.kind, me?.id],
  )
}

// —— 政策咨询队列 (staff) ——————————————————————————————————————————————————————————————

export interface StaffPolicyQuestions extends PagedListState<StaffPolicyQuestion> {
  /** The question being saved, if any. */
  busyId: number | null
  rowErrors: Record<number, ApiError | undefined>
  answer: (id: number, body: AnswerPolicyQuestionBody) => Promise<boolean>
  promote: (id: number, body: { question: string; topic: string; answer?: string; override?: string }) => Promise<boolean>
  /** Item ids of questions promoted in this visit. */
  promoted: Record<number, number>
}

/** REVIEWER: the queue of citizens' policy questions with answer / decline / 加入问答库. */
export function useStaffPolicyQuestions(status: PolicyQuestionStatus | undefined, enabled: boolean): StaffPolicyQuestions {
  const list = usePagedList(
    (page) =>
      enabled
        ? api.listStaffPolicyQuestions({ query: { status, page, pageSize: PAGE_SIZE } })
        : Promise.resolve({ items: [], total: 0, page, pageSize: PAGE_SIZE }),
    [status, enabled],
  )
  const { busyId, rowErrors, runFor: guard } = useRowActions()
  const [updated, setUpdated] = useState<Record<number, StaffPolicyQuestion>>({})
  const [promoted, setPromoted] = useState<Record<number, number>>({})

  const answer = useCallback(
    (id: number, body: AnswerPolicyQuestionBody) =>
      guard(id, async () => {
        const saved = await api.answerPolicyQuestion({ params: { id }, body })
        setUpdated((u) => ({ ...u, [id]: saved }))
      }),
    [guard],
  )

  const promote = useCallback(
    (id: number, body: { question: string; topic: string; answer?: string; override?: string }) =>
      guard(id, async () => {
        const item = await api.promotePolicyQuestion({ params: { id }, body: { ...body, policyDocumentId: null, clauseId: null } })
        setPromoted((p) => ({ ...p, [id]: item.id }))
      }),
    [guard],
  )

  const data = list.data.map((q) => {
    const saved = updated[q.id] ?? q
    return promoted[q.id] ? { ...saved, promotedItemId: promoted[q.id]! } : saved
  })
  return { ...list, data, busyId, rowErrors, answer, promote, promoted }
}
