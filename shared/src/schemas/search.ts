// Wire shapes of the one search box on the home tab: grouped results across consultations, policies, interpretations, events and Q&A.
import { z } from 'zod'
import { plainText } from './common'
import { TextSegmentSchema } from './qa'

/** At most this many items per group (each area's own page has the rest). */
export const SEARCH_GROUP_SIZE = 5
/** Longest excerpt an item carries around what matched (plus `…` at cuts). */
export const SEARCH_EXCERPT_CHARS = 60

export const SearchQuerySchema = z.strictObject({
  q: plainText('请输入要搜索的内容').min(1, '请输入要搜索的内容').max(50, '搜索内容最多 50 个字'),
})
export type SearchQuery = z.input<typeof SearchQuerySchema>

export const SearchAreaSchema = z.enum(['consultations', 'policies', 'interpretations', 'events', 'qa'])
export type SearchArea = z.infer<typeof SearchAreaSchema>

export const SearchItemSchema = z.object({
  id: z.number().int(),
  /** The title as text segments, `hit` marking what matched. */
  title: z.array(TextSegmentSchema),
  /** A short window of the text that matched (or the item's summary), `hit` marking what matched. */
  excerpt: z.array(TextSegmentSchema),
  /** The miniapp page that shows the item (path with query). */
  link: z.string(),
})
export type SearchItem = z.infer<typeof SearchItemSchema>

export const SearchGroupSchema = z.object({
  area: SearchAreaSchema,
  /** The group's heading, e.g. 意见征集. */
  label: z.string(),
  items: z.array(SearchItemSchema),
})
export type SearchGroup = z.infer<typeof SearchGroupSchema>

/** The query is not echoed back (the caller has it): a search for a name must not put the name in an answer. */
export const SearchResultSchema = z.object({
  /** Every area, in a fixed order, empty ones included (the page hides them). */
  groups: z.array(SearchGroupSchema),
})
export type SearchResult = z.infer<typeof SearchResultSchema>
