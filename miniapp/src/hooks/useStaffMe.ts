import type { Me, StaffRole } from '@gm/shared'
import { useEffect } from 'react'
import { replacePage, routes } from '../navigation'
import { useSession } from './useSession'

export type StaffMe = Extract<Me, { kind: 'staff' }>

/**
 * The signed-in staff member for a 工作台 page, or null (the page then asks to sign in). One who
 * must still change the one-time password is sent to do that first.
 */
export function useStaffMe(): { me: StaffMe | null; can: (...roles: StaffRole[]) => boolean } {
  const { me } = useSession()
  const staff = me?.kind === 'staff' ? me : null
  useEffect(() => {
    if (staff?.mustChangePassword) replacePage(routes.staffPassword())
  }, [staff?.mustChangePassword])
  const ready = staff && !staff.mustChangePassword ? staff : null
  return { me: ready, can: (...roles) => ready !== null && roles.includes(ready.role) }
}
