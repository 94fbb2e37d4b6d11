// Invitee seats of an event: the reserved seats staff give to named invitees (name, 单位, a phone for staff only), and how many are left.
import { z } from 'zod'
import { InstantSchema, plainText } from './common'

export const InviteeBodySchema = z.strictObject({
  name: plainText('请填写姓名').min(1, '请填写姓名').max(20, '姓名最多 20 个字'),
  unit: plainText('请填写单位').min(1, '请填写单位').max(60, '单位最多 60 个字'),
  /** For staff to reach the invitee; never published. */
  phone: plainText('请填写 11 位手机号码')
    .regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号码')
    .nullable()
    .optional(),
})
export type InviteeBody = z.infer<typeof InviteeBodySchema>

export const EventInviteeSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  unit: z.string(),
  phone: z.string().nullable(),
  createdAt: InstantSchema,
})
export type EventInvitee = z.infer<typeof EventInviteeSchema>

/** The reserved seats of an event and the invitees holding them (reserved − invitees = still free to give). */
export const EventInviteesSchema = z.object({
  reservedSeats: z.number().int(),
  invitees: z.array(EventInviteeSchema),
})
export type EventInvitees = z.infer<typeof EventInviteesSchema>
