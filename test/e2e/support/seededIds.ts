import { withDatabase } from './database'

/** Ids of seeded demo content the page-by-page checks open (accessibility.test.ts, weappNames.test.ts). */
export interface SeededIds {
  openConsultation: number
  closedConsultation: number
  openEvent: number
  lotteryEvent: number
  pastEvent: number
  qaItem: number
  policy: number
  interpretation: number
  decision: number
}

export function seededIds(): Promise<SeededIds> {
  return withDatabase(async (db) => {
    const one = async (sql: string) => {
      const row = (await db.query<{ id: number }>(sql)).rows[0]
      if (!row) throw new Error(`no seeded row for: ${sql}`)
      return row.id
    }
    const published = 'published_at IS NOT NULL'
    return {
      openConsultation: await one(`SELECT id FROM consultation WHERE ${published} AND opens_at < now() AND closes_at > now() ORDER BY id LIMIT 1`),
      closedConsultation: await one(`SELECT id FROM consultation WHERE feedback_published_at IS NOT NULL ORDER BY id LIMIT 1`),
      openEvent: await one(
        `SELECT id FROM event WHERE ${published} AND cancelled_at IS NULL AND selection_mode = 'FIRST_COME' AND signup_closes_at > now() ORDER BY id LIMIT 1`,
      ),
      lotteryEvent: await one(`SELECT id FROM event WHERE ${published} AND cancelled_at IS NULL AND selection_mode = 'LOTTERY' ORDER BY id LIMIT 1`),
      pastEvent: await one(
        `SELECT e.id FROM event e JOIN department d ON d.id = e.department_id WHERE e.${published} AND e.ends_at < now() AND d.name = '经济发展局' ORDER BY e.id LIMIT 1`,
      ),
      qaItem: await one(`SELECT id FROM qa_item WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`),
      policy: await one(`SELECT id FROM policy_document WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`),
      interpretation: await one(`SELECT id FROM policy_interpretation WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`),
      // decision.published_at is newer than some builds' seed: a published entry first, else the first
      decision: await one(`SELECT id FROM decision ORDER BY published_at IS NULL, id LIMIT 1`),
    }
  })
}

/** Every citizen page with the query it opens with: [name, route, root class]. */
export const citizenRoutes = (ids: SeededIds): [string, string, string][] => [
  ['consultations', 'pages/consultations/index', 'gm-consultations-page'],
  ['events', 'pages/events/index', 'gm-events-page'],
  ['qa', 'pages/qa/index', 'gm-qa-page'],
  ['mine', 'pages/mine/index', 'gm-mine-page'],
  ['consultation-detail', `packages/consultation/pages/detail/index?id=${ids.openConsultation}`, 'gm-consultation-detail'],
  ['consultation-opinion', `packages/consultation/pages/opinion/index?id=${ids.openConsultation}`, 'gm-opinion-page'],
  ['consultation-versions', `packages/consultation/pages/versions/index?id=${ids.openConsultation}`, 'gm-draft-versions'],
  ['consultation-closed', `packages/consultation/pages/detail/index?id=${ids.closedConsultation}`, 'gm-consultation-detail'],
  ['consultation-feedback', `packages/consultation/pages/feedback/index?id=${ids.closedConsultation}`, 'gm-feedback-page'],
  ['consultation-statistics', `packages/statistics/pages/consultation/index?id=${ids.closedConsultation}`, 'gm-consultation-stats'],
  ['event-detail', `packages/event/pages/detail/index?id=${ids.openEvent}`, 'gm-event-detail'],
  ['event-signup', `packages/event/pages/signup/index?id=${ids.openEvent}`, 'gm-signup-page'],
  ['event-lottery', `packages/event/pages/detail/index?id=${ids.lotteryEvent}`, 'gm-event-detail'],
  ['event-draw', `packages/event/pages/draw/index?id=${ids.lotteryEvent}`, 'gm-draw-page'],
  ['event-past', `packages/event/pages/detail/index?id=${ids.pastEvent}`, 'gm-event-detail'],
  ['qa-detail', `packages/qa/pages/detail/index?id=${ids.qaItem}`, 'gm-qa-detail'],
  ['qa-policy', `packages/qa/pages/policy/index?id=${ids.policy}`, 'gm-policy-page'],
  ['qa-interpretation', `packages/qa/pages/interpretation/index?id=${ids.interpretation}`, 'gm-interpretation-page'],
  ['qa-policies', 'packages/qa/pages/policies/index', 'gm-policy-library'],
  ['qa-ask', 'packages/qa/pages/ask/index', 'gm-qa-ask'],
  ['qa-questions', 'packages/qa/pages/questions/index', 'gm-qa-questions'],
  ['search', `packages/search/pages/results/index?q=${encodeURIComponent('养老')}`, 'gm-search-page'],
  ['decision-list', 'packages/decision/pages/list/index', 'gm-decision-list'],
  ['decision-detail', `packages/decision/pages/detail/index?id=${ids.decision}`, 'gm-decision-detail'],
  ['public-statistics', 'packages/statistics/pages/public/index', 'gm-public-stats'],
  ['my-notifications', 'packages/me/pages/notifications/index', 'gm-notifications-page'],
  ['my-data', 'packages/me/pages/data/index', 'gm-my-data'],
  ['my-opinions', 'packages/me/pages/opinions/index', 'gm-my-opinions'],
  ['my-registrations', 'packages/me/pages/registrations/index', 'gm-my-registrations'],
  ['my-follows', 'packages/me/pages/follows/index', 'gm-follows-page'],
  ['accessibility-statement', 'packages/me/pages/accessibility/index', 'gm-accessibility-page'],
  ['login', 'packages/me/pages/login/index', 'gm-login-page'],
]
