// 检索词典 (staff): the Q&A search synonyms, built in and added by staff; add and delete.
import { QaSynonymBodySchema, type ResponseOf } from '@gm/shared'
import { useState } from 'react'
import type { z } from 'zod'
import { api } from '../api'
import { validateWith } from '../utils/form'
import { type Action, useAction } from './useAction'
import { type FormState, useForm } from './useForm'
import { type RequestState, useRequest } from './useRequest'

export type QaSynonym = ResponseOf<'listQaSynonyms'>[number]
export type SynonymValues = { terms: string; expansions: string }

/** Words typed into one box, separated by spaces, commas or 、. */
export const splitTerms = (text: string) => text.split(/[\s,，、;；]+/).filter(Boolean)

export function validateSynonym(values: SynonymValues) {
  return validateWith<typeof QaSynonymBodySchema, keyof SynonymValues>(QaSynonymBodySchema, {
    terms: splitTerms(values.terms),
    expansions: splitTerms(values.expansions),
  })
}

export interface QaSynonyms {
  list: RequestState<QaSynonym[]>
  form: FormState<SynonymValues>
  /** The entry just added, to confirm it. */
  added: QaSynonym | null
  remove: Action<[number]>
  removingId: number | null
}

/** 检索词典: built-in entries and those staff added; editors and reviewers add and delete their own kind. */
export function useQaSynonyms(enabled: boolean): QaSynonyms {
  const list = useRequest(() => (enabled ? api.listQaSynonyms() : Promise.resolve([])), [enabled])
  const [added, setAdded] = useState<QaSynonym | null>(null)
  const [removingId, setRemovingId] = useState<number | null>(null)
  const form = useForm<SynonymValues, z.output<typeof QaSynonymBodySchema>>({
    initial: { terms: '', expansions: '' },
    validate: validateSynonym,
    submit: async (body) => {
      setAdded(await api.createQaSynonym({ body }))
      form.reset()
      await list.reload()
    },
  })
  const remove = useAction(async (id: number) => {
    setRemovingId(id)
    try {
      await api.deleteQaSynonym({ params: { id } })
      setAdded((a) => (a?.id === id ? null : a))
      await list.reload()
    } finally {
      setRemovingId(null)
    }
  })
  return { list, form, added, remove, removingId }
}
