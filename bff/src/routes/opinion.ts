// Routes of opinions: submission, replies, moderation, groups, offline opinions, export, the adoption report.
import type { Deps } from '../deps'
import { exportOpinions } from '../services/export'
import { publishFeedback } from '../services/feedback'
import { answerGroup, createGroup, listGroups, suggestGroups, updateGroup } from '../services/opinionGroups'
import { answerOpinion, listOverdueOpinions, listStaffOpinions, moderateOpinion } from '../services/opinionReview'
import { recordOfflineOpinion } from '../services/offlineOpinion'
import { getFeedback, listMyOpinions, submitOpinion } from '../services/opinion'
import type { Routes } from './route'

export const opinionRoutes = (deps: Deps) =>
  ({
    submitOpinion: ({ params, body }, context) => submitOpinion(deps, context.actor, params.id, body),
    getFeedback: ({ params }) => getFeedback(deps, params.id),
    listMyOpinions: ({ query }, context) => listMyOpinions(deps, context.actor, query),
    listStaffOpinions: ({ params, query }, context) => listStaffOpinions(deps, context, params.id, query),
    recordOfflineOpinion: ({ params, body }, context) => recordOfflineOpinion(deps, context, params.id, body),
    moderateOpinion: ({ params, body }, context) => moderateOpinion(deps, context, params.id, body),
    answerOpinion: ({ params, body }, context) => answerOpinion(deps, context, params.id, body),
    listOverdueOpinions: (_, context) => listOverdueOpinions(deps, context),
    suggestGroups: ({ params }, context) => suggestGroups(deps, context, params.id),
    listGroups: ({ params }, context) => listGroups(deps, context, params.id),
    createGroup: ({ params, body }, context) => createGroup(deps, context, params.id, body),
    updateGroup: ({ params, body }, context) => updateGroup(deps, context, params.id, body),
    answerGroup: ({ params, body }, context) => answerGroup(deps, context, params.id, body),
    publishFeedback: ({ params, body }, context) => publishFeedback(deps, context, params.id, body),
    exportOpinions: ({ params, query }, context) => exportOpinions(deps, context, params.id, query.format),
  }) satisfies Routes
