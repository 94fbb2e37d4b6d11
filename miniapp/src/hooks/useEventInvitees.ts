// 受邀人员 of an event for staff: the reserved seats and who holds them, the form that gives one away, taking one back, and releasing those not given.
import { type BodyOf, contract, type EventDetail, type ResponseOf } from '@gm/shared'
import { api } from '../api'
import { validateWith } from '../utils/form'
import { type Action, useAction } from './useAction'
import { type FormState, useForm } from './useForm'
import { type RequestState, useRequest } from './useRequest'

export type EventInvitees = ResponseOf<'listEventInvitees'>
export type EventInvitee = EventInvitees['invitees'][number]
export type InviteeValues = { name: string; unit: string; phone: string }

export interface InviteeDesk {
  list: RequestState<EventInvitees>
  form: FormState<InviteeValues>
  remove: Action<[id: number]>
  /** 释放未分配的预留席位: the event as saved goes to `onReleased`. */
  release: Action<[]>
}

const empty: InviteeValues = { name: '', unit: '', phone: '' }

/** The shared schema decides (姓名, 单位, an optional 11-digit phone), so a refusal shows at its field. */
export const validateInvitee = (values: InviteeValues) =>
  validateWith<typeof contract.assignInvitee.body, keyof InviteeValues>(contract.assignInvitee.body, {
    name: values.name.trim(),
    unit: values.unit.trim(),
    phone: values.phone.trim() || null,
  })

/** 预留席位 of one event (editors and reviewers of its department); nothing is fetched until `enabled`. */
export function useEventInvitees(eventId: number | null, enabled: boolean, onReleased?: (event: EventDetail) => void): InviteeDesk {
  const list = useRequest(
    () =>
      eventId === null || !enabled ? Promise.resolve({ reservedSeats: 0, invitees: [] } as EventInvitees) : api.listEventInvitees({ params: { id: eventId } }),
    [eventId, enabled],
  )
  const form = useForm<InviteeValues, BodyOf<'assignInvitee'>>({
    initial: empty,
    validate: validateInvitee,
    submit: async (body) => {
      if (eventId === null) return
      await api.assignInvitee({ params: { id: eventId }, body })
      form.reset()
      await list.reload()
    },
  })
  const remove = useAction(async (id: number) => {
    await api.removeInvitee({ params: { id } })
    await list.reload()
  })
  const release = useAction(async () => {
    if (eventId === null) return
    const saved = await api.releaseReservedSeats({ params: { id: eventId } })
    onReleased?.(saved)
    await list.reload()
  })
  return { list, form, remove, release }
}
