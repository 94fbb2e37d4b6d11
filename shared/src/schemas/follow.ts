// Wire shapes of follows (关注): a citizen follows a decision, a department or a policy topic and is told when it moves.
import { z } from 'zod'
import { InstantSchema, plainText } from './common'

export const FollowTargetSchema = z.enum(['DECISION', 'DEPARTMENT', 'TOPIC'], { error: '关注对象应为 决策事项、部门 或 政策主题' })
export type FollowTarget = z.infer<typeof FollowTargetSchema>

export const followTargetLabels: Record<FollowTarget, string> = { DECISION: '决策事项', DEPARTMENT: '部门', TOPIC: '政策主题' }

/** `/api/me/follows/DECISION/12`, `/api/me/follows/TOPIC/就业`: a decision or department by id, a topic by name. */
export const FollowParamsSchema = z.strictObject({
  targetType: FollowTargetSchema,
  targetKey: plainText('请指明关注对象').min(1, '请指明关注对象').max(40, '关注对象过长'),
})

export const FollowSchema = z.object({
  targetType: FollowTargetSchema,
  targetKey: z.string(),
  /** The decision's title, the department's or the topic's name. */
  name: z.string(),
  /** The page of what is followed. */
  link: z.string(),
  createdAt: InstantSchema,
})
export type Follow = z.infer<typeof FollowSchema>

export const FollowListSchema = z.object({ items: z.array(FollowSchema) })
export const FollowStateSchema = z.object({ following: z.boolean() })
export type FollowState = z.infer<typeof FollowStateSchema>
