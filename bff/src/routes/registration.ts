// Routes of citizens signing up for events.
import type { Deps } from '../deps'
import { getDraw } from '../services/lottery'
import { cancelRegistration, getSignupDefaults, joinEvent, listMyRegistrations } from '../services/registration'
import type { Routes } from './route'

export const registrationRoutes = (deps: Deps) =>
  ({
    joinEvent: ({ params, body }, context) => joinEvent(deps, context.actor, params.id, body, context.idempotencyKey),
    listMyRegistrations: (_, context) => listMyRegistrations(deps, context.actor),
    getSignupDefaults: (_, context) => getSignupDefaults(deps, context.actor),
    cancelRegistration: ({ params }, context) => cancelRegistration(deps, context.actor, params.id, context.idempotencyKey),
    getDraw: ({ params }) => getDraw(deps, params.id),
  }) satisfies Routes
