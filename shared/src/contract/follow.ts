// Follows (关注) of decisions, departments and policy topics, managed from their pages and in 我的.
import { NoContentSchema, type Endpoint } from './endpoint'
import { FollowListSchema, FollowParamsSchema, FollowSchema, FollowStateSchema } from '../schemas/follow'

export const followEndpoints = {
  listMyFollows: {
    method: 'GET',
    path: '/api/me/follows',
    tag: 'me',
    access: 'citizen',
    summary: '我的关注：关注的决策事项、部门和政策主题',
    response: FollowListSchema,
  },
  getFollow: {
    method: 'GET',
    path: '/api/me/follows/:targetType/:targetKey',
    tag: 'me',
    access: 'citizen',
    summary: '是否已关注该对象',
    params: FollowParamsSchema,
    response: FollowStateSchema,
  },
  follow: {
    method: 'PUT',
    path: '/api/me/follows/:targetType/:targetKey',
    tag: 'me',
    access: 'citizen',
    summary: '关注决策事项、部门或政策主题（再次关注不变）；征集开始、即将截止、新政策和新问答会通知',
    params: FollowParamsSchema,
    response: FollowSchema,
  },
  unfollow: {
    method: 'DELETE',
    path: '/api/me/follows/:targetType/:targetKey',
    tag: 'me',
    access: 'citizen',
    summary: '取消关注',
    params: FollowParamsSchema,
    response: NoContentSchema,
    status: 204,
  },
} as const satisfies Record<string, Endpoint>
