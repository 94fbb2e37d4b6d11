// 群众想问但库里没有的 (staff): searches without a good answer, and drafting a Q&A item from one (which removes it from the list).
import { QaDraftBodySchema, type ResponseOf } from '@gm/shared'
import { useState } from 'react'
import type { z } from 'zod'
import { api } from '../api'
import { validateWith } from '../utils/form'
import { type FormState, useForm } from './useForm'
import { type RequestState, useRequest } from './useRequest'

export type QaUnansweredRow = ResponseOf<'listQaUnanswered'>[number]
export type UnansweredDraftValues = { question: string; answer: string; topic: string }

export interface QaUnanswered {
  list: RequestState<QaUnansweredRow[]>
  /** The row being answered (its draft form open), or null. */
  selected: QaUnansweredRow | null
  select: (row: QaUnansweredRow | null) => void
  form: FormState<UnansweredDraftValues>
  /** The question of the draft just created, to confirm it. */
  drafted: string | null
}

/** The list for Q&A editors and reviewers; editors draft an item from a row. */
export function useQaUnanswered(enabled: boolean): QaUnanswered {
  const list = useRequest(() => (enabled ? api.listQaUnanswered() : Promise.resolve([])), [enabled])
  const [selected, setSelected] = useState<QaUnansweredRow | null>(null)
  const [drafted, setDrafted] = useState<string | null>(null)
  const form = useForm<UnansweredDraftValues, z.output<typeof QaDraftBodySchema>>({
    initial: { question: '', answer: '', topic: '' },
    validate: (values) => validateWith<typeof QaDraftBodySchema, keyof UnansweredDraftValues>(QaDraftBodySchema, values),
    submit: async (body) => {
      if (!selected) return
      const item = await api.answerQaUnanswered({ params: { id: selected.id }, body })
      setDrafted(item.question)
      setSelected(null)
      form.reset()
      await list.reload()
    },
  })
  const select = (row: QaUnansweredRow | null) => {
    setSelected(row)
    setDrafted(null)
    form.reset()
    if (row) form.setField('question', row.text)
  }
  return { list, selected, select, form, drafted }
}
