// Wire shapes of the headline figures on the 我的 page and service home, and of the health check.
import { z } from 'zod'

/** Headline figures for the "我的" page and the service home. */
export const OverviewSchema = z.object({
  openConsultations: z.number().int(),
  opinionsReceived: z.number().int(),
  upcomingEvents: z.number().int(),
  qaItems: z.number().int(),
  decisionsThisYear: z.number().int(),
})
export type Overview = z.infer<typeof OverviewSchema>

export const HealthSchema = z.object({ status: z.literal('ok') })
