// Routes of follows (关注): list, state, follow and unfollow a decision, department or policy topic.
import type { Deps } from '../deps'
import { follow, getFollow, listMyFollows, unfollow } from '../services/follow'
import type { Routes } from './route'

export const followRoutes = (deps: Deps) =>
  ({
    listMyFollows: (_, context) => listMyFollows(deps, context.actor),
    getFollow: ({ params }, context) => getFollow(deps, context.actor, params.targetType, params.targetKey),
    follow: ({ params }, context) => follow(deps, context.actor, params.targetType, params.targetKey),
    unfollow: ({ params }, context) => unfollow(deps, context.actor, params.targetType, params.targetKey),
  }) satisfies Routes
