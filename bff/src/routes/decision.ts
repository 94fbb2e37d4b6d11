// Routes of the major-decision catalogue.
import type { Deps } from '../deps'
import { createDecision, getDecision, listDecisions, updateDecision } from '../services/decision'
import type { Routes } from './route'

export const decisionRoutes = (deps: Deps) =>
  ({
    listDecisions: ({ query }) => listDecisions(deps, query),
    getDecision: ({ params }) => getDecision(deps, params.id),
    createDecision: ({ body }, context) => createDecision(deps, context, body),
    updateDecision: ({ params, body }, context) => updateDecision(deps, context, params.id, body),
  }) satisfies Routes
