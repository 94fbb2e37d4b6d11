// The headline figures for the 我的 page and service home, and the department list.
import { type Overview, shanghaiParts } from '@gm/shared'
import type { Deps } from '../deps'
import { countOpenConsultations, countOpinions } from '../repositories/consultation'
import { countDecisionsOfYear } from '../repositories/decision'
import { findDepartments } from '../repositories/department'
import { countUpcomingEvents } from '../repositories/event'
import { countQaItems } from '../repositories/qa'

export async function getOverview(deps: Deps): Promise<Overview> {
  const now = deps.clock()
  const [openConsultations, opinionsReceived, upcomingEvents, qaItems, decisionsThisYear] = await Promise.all([
    countOpenConsultations(deps.db, now),
    countOpinions(deps.db),
    countUpcomingEvents(deps.db, now),
    countQaItems(deps.db),
    countDecisionsOfYear(deps.db, shanghaiParts(now).year),
  ])
  return { openConsultations, opinionsReceived, upcomingEvents, qaItems, decisionsThisYear }
}

export function listDepartments(deps: Deps) {
  return findDepartments(deps.db)
}
