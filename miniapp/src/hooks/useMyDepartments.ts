// The departments a signed-in staff member may choose as 承办单位 or 答复部门: their own (administrators: all).
import type { Department } from '@gm/shared'
import { useDepartments } from './useConsultations'
import type { RequestState } from './useRequest'
import { useSession } from './useSession'

/** Every department, narrowed to the staff member's own unless they are an administrator (the server refuses others). */
export function useMyDepartments(): RequestState<Department[]> {
  const all = useDepartments()
  const { me } = useSession()
  const own = me?.kind === 'staff' && me.role !== 'ADMIN' ? new Set((me.departments ?? [me.department]).map((d) => d.id)) : null
  return own && all.data ? { ...all, data: all.data.filter((d) => own.has(d.id)) } : all
}
