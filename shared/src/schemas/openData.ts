// Wire shapes of the open-data feed: published consultations, masked opinions with answers, groups, events with outcomes, the Q&A library.
import { z } from 'zod'
import { DepartmentSchema, InstantSchema, wholeNumber } from './common'
import { EventKindSchema, SelectionModeSchema } from './event'
import { OpinionChannelSchema, PublicAnswerSchema } from './opinion'
import { OpinionFiguresSchema } from './statistics'

const int = () => z.number().int()

export const openDataSets = ['consultations', 'opinions', 'groups', 'events', 'qa'] as const
export const OpenDataSetSchema = z.enum(openDataSets)
export type OpenDataSet = z.infer<typeof OpenDataSetSchema>

/**
 * Paging of every feed: items in ascending `id` (stable), `page` of `pageSize` (1–200);
 * `updatedSince` keeps items whose `updatedAt` is at or after that instant (incremental sync).
 */
export const OpenDataQuerySchema = z.strictObject({
  page: wholeNumber('页码须为整数').pipe(z.number().min(1, '页码从 1 开始').max(100_000, '页码最多 100000')).default(1),
  pageSize: wholeNumber('每页条数须为整数').pipe(z.number().min(1, '每页至少 1 条').max(200, '每页最多 200 条')).default(100),
  updatedSince: InstantSchema.optional(),
})
export type OpenDataQuery = z.input<typeof OpenDataQuerySchema>

/** CSV: the whole data set (or the part updated since). */
export const OpenDataCsvQuerySchema = OpenDataQuerySchema.pick({ updatedSince: true })

function feed<T extends z.ZodType>(item: T) {
  return z.object({
    dataset: OpenDataSetSchema,
    items: z.array(item),
    total: int(),
    page: int(),
    pageSize: int(),
    /** The next page's number, null on the last page */
    nextPage: int().nullable(),
  })
}

export const OpenConsultationSchema = z.object({
  id: int(),
  title: z.string(),
  summary: z.string(),
  department: DepartmentSchema,
  decisionId: int().nullable(),
  isMajorDecision: z.boolean(),
  opensAt: InstantSchema,
  closesAt: InstantSchema,
  draftVersion: int(),
  publishedAt: InstantSchema,
  /** Null until the 采纳情况 is published */
  feedbackPublishedAt: InstantSchema.nullable(),
  /** The published figures (same as GET /api/statistics/consultations/:id), null until the 采纳情况 is published */
  figures: OpinionFiguresSchema.nullable(),
  /** Latest of: published, a new draft version, a window change, the 采纳情况 published */
  updatedAt: InstantSchema,
})
export const OpenConsultationFeedSchema = feed(OpenConsultationSchema)

/** A published opinion: masked text only (null when its author chose not to publish it), never a name or contact. */
export const OpenOpinionSchema = z.object({
  id: int(),
  consultationId: int(),
  section: z.object({ id: int(), heading: z.string() }).nullable(),
  channel: OpinionChannelSchema,
  receivedAt: InstantSchema,
  text: z.string().nullable(),
  groupId: int().nullable(),
  answer: PublicAnswerSchema,
  /** Latest of: the 采纳情况 published, the answer (or its group's answer) last changed */
  updatedAt: InstantSchema,
})
export const OpenOpinionFeedSchema = feed(OpenOpinionSchema)

export const OpenGroupSchema = z.object({
  id: int(),
  consultationId: int(),
  title: z.string(),
  opinionCount: int(),
  answer: PublicAnswerSchema,
  updatedAt: InstantSchema,
})
export const OpenGroupFeedSchema = feed(OpenGroupSchema)

export const OpenEventSchema = z.object({
  id: int(),
  kind: EventKindSchema,
  title: z.string(),
  description: z.string(),
  place: z.string(),
  department: DepartmentSchema,
  decisionId: int().nullable(),
  startsAt: InstantSchema,
  endsAt: InstantSchema,
  capacity: int(),
  selectionMode: SelectionModeSchema,
  cancelled: z.object({ at: InstantSchema, reason: z.string() }).nullable(),
  /** After the event: the published result, how many came, the attendees' opinions (masked) with answers */
  outcome: z
    .object({
      summary: z.string(),
      publishedAt: InstantSchema,
      attendeeCount: int(),
      opinions: z.array(z.object({ id: int(), text: z.string(), answer: PublicAnswerSchema })),
    })
    .nullable(),
  updatedAt: InstantSchema,
})
export const OpenEventFeedSchema = feed(OpenEventSchema)

export const OpenQaItemSchema = z.object({
  id: int(),
  question: z.string(),
  aliases: z.array(z.string()),
  /** Plain text of the answer */
  answer: z.string(),
  topic: z.string(),
  department: DepartmentSchema.nullable(),
  policyDocument: z.object({ id: int(), title: z.string(), docNumber: z.string() }).nullable(),
  /** Shown while the policy it rests on changed and the answer is being reviewed */
  reviewNotice: z.string().nullable(),
  helpfulCount: int(),
  unhelpfulCount: int(),
  publishedAt: InstantSchema,
  updatedAt: InstantSchema,
})
export const OpenQaFeedSchema = feed(OpenQaItemSchema)

export const OpenDataCatalogSchema = z.object({
  title: z.string(),
  licence: z.string(),
  personalData: z.string(),
  datasets: z.array(
    z.object({
      id: OpenDataSetSchema,
      title: z.string(),
      description: z.string(),
      path: z.string(),
      csvPath: z.string(),
      total: int(),
      /** Latest `updatedAt` of the set, null when empty */
      updatedAt: InstantSchema.nullable(),
    }),
  ),
})
export type OpenDataCatalog = z.infer<typeof OpenDataCatalogSchema>
