// Which public reads the public-read cache may serve to everyone, and what each still does per request.
import type { EndpointName, ResponseOf } from '@gm/shared'
import type { Deps } from '../deps'
import type { RequestContext } from '../domain/actor'
import { countQaView, countSearchHit } from '../services/qa'
import { voterKeyOf } from '../security/voter'
import type { ParsedRequest } from './route'

export interface ReadPolicy<N extends EndpointName> {
  /** Runs on every answer, cached or not, with the answer (e.g. counting a view for this viewer). */
  onServe?: (answer: ResponseOf<N>, request: ParsedRequest<N>, context: RequestContext) => Promise<void>
}

export type ReadPolicies = { [N in EndpointName]?: ReadPolicy<N> }

/**
 * Every public GET of the contract was checked for whether its answer depends on who asks; these do
 * not (their handlers read only params and query), so one cached answer serves every caller:
 * - the catalogue reads (overview, departments, decisions, consultations, events, policies,
 *   interpretations, feedback reports, lottery results, unified search, hot Q&A, topics) and the open-data feeds;
 * - Q&A search, the library list and an item: the answer is the same for everyone, but a search hit
 *   and a view are counted per person, device or address, so that part runs in `onServe` on every
 *   request (cheap: each instance remembers what it counted, see services/qa.ts).
 * A public read not listed here (new endpoints by default) is computed on every request; it still
 * gets an ETag and 304s (http/cacheControl.ts). Never list a read that personalises by actor,
 * device or address: it would show one caller's answer to everyone.
 */
export function publicReadPolicies(deps: Deps): ReadPolicies {
  const searched = (answer: ResponseOf<'searchQa'>, q: string | undefined, context: RequestContext) =>
    q ? countSearchHit(deps, answer, voterKeyOf(context), q) : Promise.resolve()
  return {
    getOverview: {},
    listDepartments: {},
    listDecisions: {},
    getDecision: {},
    listConsultations: {},
    getConsultation: {},
    getFeedback: {},
    listEvents: {},
    getEvent: {},
    getDraw: {},
    listPolicies: {},
    getPolicy: {},
    getInterpretation: {},
    searchAll: {},
    listHotQa: {},
    listQaTopics: {},
    listQaItems: { onServe: (answer, { query }, context) => searched(answer, query.q, context) },
    searchQa: { onServe: (answer, { query }, context) => searched(answer, query.q, context) },
    getQaItem: { onServe: (_answer, { params }, context) => countQaView(deps, params.id, voterKeyOf(context)) },
    // Open data: what is published, read as of now (a scheduled publication is a schedule instant; overdue
    // figures change at Shanghai midnight). The statistics stay uncached: they count Q&A searches
    // (qa_search_daily_stat, no change trigger) and 列席 held by now.
    getOpenDataCatalog: {},
    listOpenConsultations: {},
    listOpenOpinions: {},
    listOpenGroups: {},
    listOpenEvents: {},
    listOpenQaItems: {},
  }
}
