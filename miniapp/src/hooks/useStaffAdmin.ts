// Gives the administrator pages staff management (list, create, disable, WeChat invites, password resets) and the paged audit log.
import type { BodyOf, ResponseOf, Staff } from '@gm/shared'
import { useCallback, useState } from 'react'
import { api } from '../api'
import { PAGE_SIZE, type PagedListState, usePagedList } from './usePagedList'
import { type RequestState, useRequest } from './useRequest'
import { useRowActions } from './useRowActions'

export type AuditEntry = ResponseOf<'listAudit'>['items'][number]
export type CreatedStaff = ResponseOf<'createStaff'>
export type NewStaff = BodyOf<'createStaff'>
export type StaffPatch = { disabled: boolean } | { departmentId: number; departmentIds: number[] }
export interface StaffInvite {
  code: string
  expiresAt: string
}

export interface StaffAdmin {
  list: RequestState<Staff[]>
  /** The staff member whose row action is running. */
  busyId: number | null
  rowErrors: Record<number, string>
  invites: Record<number, StaffInvite>
  /** The account just created, with its one-time initial password, until dismissed. */
  created: CreatedStaff | null
  create: (input: NewStaff) => Promise<void>
  dismissCreated: () => void
  /** Resolves true once saved; false when refused (the message is in rowErrors). */
  update: (id: number, patch: StaffPatch) => Promise<boolean>
  invite: (id: number) => Promise<boolean>
  /** One-time passwords just issued by 重置密码, per staff member, until dismissed. */
  resetPasswords: Record<number, string>
  resetPassword: (id: number) => Promise<boolean>
  dismissReset: (id: number) => void
}

/** 工作人员管理 for an ADMIN: list, create, disable/enable, WeChat binding invites, password resets. */
export function useStaffAdmin(enabled: boolean): StaffAdmin {
  const list = useRequest(() => (enabled ? api.listStaff() : Promise.resolve([] as Staff[])), [enabled])
  const [replaced, setReplaced] = useState<Record<number, Staff>>({})
  const [invites, setInvites] = useState<Record<number, StaffInvite>>({})
  const [created, setCreated] = useState<CreatedStaff | null>(null)
  const [resetPasswords, setResetPasswords] = useState<Record<number, string>>({})

  const { busyId, rowErrors: rowFailures, runFor: rowAction } = useRowActions()
  const rowErrors: Record<number, string> = {}
  for (const [id, error] of Object.entries(rowFailures)) if (error) rowErrors[Number(id)] = error.message

  const update = useCallback(
    (id: number, patch: StaffPatch) =>
      rowAction(id, async () => {
        const staff = await api.updateStaff({ params: { id }, body: patch })
        setReplaced((r) => ({ ...r, [id]: staff }))
      }),
    [rowAction],
  )

  const invite = useCallback(
    (id: number) =>
      rowAction(id, async () => {
        const code = await api.inviteStaff({ params: { id } })
        setInvites((i) => ({ ...i, [id]: code }))
      }),
    [rowAction],
  )

  const resetPassword = useCallback(
    (id: number) =>
      rowAction(id, async () => {
        const { staff, initialPassword } = await api.resetStaffPassword({ params: { id } })
        setReplaced((r) => ({ ...r, [id]: staff }))
        setResetPasswords((p) => ({ ...p, [id]: initialPassword }))
      }),
    [rowAction],
  )
  const dismissReset = useCallback((id: number) => setResetPasswords(({ [id]: _, ...rest }) => rest), [])

  const { reload } = list
  const create = useCallback(
    async (input: NewStaff) => {
      setCreated(await api.createStaff({ body: input }))
      setReplaced({})
      await reload()
    },
    [reload],
  )

  const data = list.data?.map((s) => replaced[s.id] ?? s)
  return {
    list: { ...list, data },
    busyId,
    rowErrors,
    invites,
    created,
    create,
    dismissCreated: () => setCreated(null),
    update,
    invite,
    resetPasswords,
    resetPassword,
    dismissReset,
  }
}

/** 审计日志, newest first, page by page. */
export function useAuditLog(enabled: boolean): PagedListState<AuditEntry> {
  return usePagedList(
    (page) => (enabled ? api.listAudit({ query: { page, pageSize: PAGE_SIZE } }) : Promise.resolve({ items: [], total: 0, page, pageSize: PAGE_SIZE })),
    [enabled],
  )
}
