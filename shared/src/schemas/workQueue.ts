// Wire shape of the staff home's work queue: what needs action now in the signed-in person's departments, each with a count and the list it opens.
import { z } from 'zod'

/** The staff list a queue entry opens. */
export const WorkQueueTargetSchema = z.enum(['consultations', 'overdueOpinions', 'events', 'policyQuestions'])
export type WorkQueueTarget = z.infer<typeof WorkQueueTargetSchema>

export const WorkQueueEntrySchema = z.object({
  key: z.enum([
    'awaitingModeration',
    'awaitingAnswer',
    'repliesOverdue',
    'repliesDueSoon',
    'consultationsClosingSoon',
    'closedWithoutSummary',
    'eventsNeedingReview',
    'eventsNeedingDraw',
    'eventsCheckInToday',
    'questionsWaiting',
  ]),
  label: z.string(),
  count: z.number().int(),
  target: WorkQueueTargetSchema,
  /** Up to three titles of what is counted (consultations, events), to say where the work is. */
  examples: z.array(z.string()),
})
export type WorkQueueEntry = z.infer<typeof WorkQueueEntrySchema>
export const WorkQueueSchema = z.object({ entries: z.array(WorkQueueEntrySchema) })
export type WorkQueue = z.infer<typeof WorkQueueSchema>
