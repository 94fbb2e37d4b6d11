// The shared [opensAt, closesAt) window rule as a Prisma filter, so lists filtered by status agree with each item's status.
import type { WindowStatus } from '@gm/shared'

/**
 * The shared window rule ([opensAt, closesAt), see shared/src/rules/window.ts) as a query filter,
 * so lists filtered by status agree with the status each item shows.
 */
export function windowWhere(status: WindowStatus, now: Date, opens: string, closes: string) {
  switch (status) {
    case 'upcoming':
      return { [opens]: { gt: now } }
    case 'open':
      return { [opens]: { lte: now }, [closes]: { gt: now } }
    case 'closed':
      return { [closes]: { lte: now } }
  }
}
