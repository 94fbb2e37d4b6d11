// Routes of the major-decision catalogue.
import type { Deps } from '../deps'
import { createDecision, getDecision, getStaffDecision, listDecisions, listStaffDecisions, publishDecision, updateDecision } from '../services/decision'
import type { Routes } from './route'

export const decisionRoutes = (deps: Deps) =>
  ({
    listDecisions: ({ query }) => listDecisions(deps, query),
    getDecision: ({ params }) => getDecision(deps, params.id),
    listStaffDecisions: ({ query }) => listStaffDecisions(deps, query),
    getStaffDecision: ({ params }) => getStaffDecision(deps, params.id),
    createDecision: ({ body }, context) => createDecision(deps, context, body),
    publishDecision: ({ params }, context) => publishDecision(deps, context, params.id),
    updateDecision: ({ params, body }, context) => updateDecision(deps, context, params.id, body),
  }) satisfies Routes
