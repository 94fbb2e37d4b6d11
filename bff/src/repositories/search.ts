// Keyword search over what the public may see (published consultations with their current clauses, released policies and interpretations, published events).
import type { DbOrTx } from '../db/client'
import { Prisma } from '../generated/prisma/client'

/** An ILIKE pattern matching `keyword` anywhere, with the keyword's own \ % _ taken literally. */
export function containsPattern(keyword: string): string {
  return `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** Ids of published consultations with `keyword` in the title, summary, or a clause heading or body of the current draft version. */
export async function consultationIdsMatching(db: DbOrTx, keyword: string, now: Date): Promise<number[]> {
  const pattern = containsPattern(keyword)
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT c.id FROM consultation c
    WHERE c.published_at <= ${now} AND (c.title ILIKE ${pattern} OR c.summary ILIKE ${pattern} OR EXISTS (
      SELECT 1 FROM draft_section s WHERE s.consultation_id = c.id AND s.version = c.draft_version
        AND (s.heading ILIKE ${pattern} OR s.body ILIKE ${pattern})))`
  return rows.map((row) => row.id)
}

/** Ids of policy documents (any status: the caller filters) with `keyword` in the title, 文号, issuer, summary or a clause heading or body. */
export async function policyIdsMatching(db: DbOrTx, keyword: string): Promise<number[]> {
  const pattern = containsPattern(keyword)
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT p.id FROM policy_document p
    WHERE p.title ILIKE ${pattern} OR p.doc_number ILIKE ${pattern} OR p.issuer ILIKE ${pattern} OR p.summary ILIKE ${pattern}
      OR EXISTS (SELECT 1 FROM policy_section s WHERE s.document_id = p.id AND (s.heading ILIKE ${pattern} OR s.body ILIKE ${pattern}))`
  return rows.map((row) => row.id)
}

export interface SearchRow {
  id: number
  title: string
  /** The text the excerpt is cut from: the first field that has a term (or the summary). */
  text: string
}

/** How many of the terms the item has (each matched anywhere counts once): the ranking, most terms first. */
const termsMatched = (patterns: string[], matches: (pattern: string) => Prisma.Sql) =>
  Prisma.join(
    patterns.map((p) => Prisma.sql`(CASE WHEN ${matches(p)} THEN 1 ELSE 0 END)`),
    ' + ',
  )

const clauseOf = (any: string[]) => Prisma.sql`
  SELECT 1 FROM draft_section s WHERE s.consultation_id = c.id AND s.version = c.draft_version
    AND (s.heading ILIKE ANY(${any}::text[]) OR s.body ILIKE ANY(${any}::text[]))`

/** Published consultations with a term in the title, summary or a clause of the current version; most terms, then newest first. */
export function searchConsultations(db: DbOrTx, terms: string[], now: Date, take: number) {
  const patterns = terms.map(containsPattern)
  const has = (any: string[]) => Prisma.sql`c.title ILIKE ANY(${any}::text[]) OR c.summary ILIKE ANY(${any}::text[]) OR EXISTS (${clauseOf(any)})`
  return db.$queryRaw<SearchRow[]>`
    SELECT c.id, c.title,
      COALESCE(
        CASE WHEN c.summary ILIKE ANY(${patterns}::text[]) THEN c.summary END,
        (SELECT s.heading || ' ' || s.body FROM draft_section s
          WHERE s.consultation_id = c.id AND s.version = c.draft_version
            AND (s.heading ILIKE ANY(${patterns}::text[]) OR s.body ILIKE ANY(${patterns}::text[]))
          ORDER BY s.position LIMIT 1),
        c.summary) AS text
    FROM consultation c
    WHERE c.published_at <= ${now} AND (${has(patterns)})
    ORDER BY (${termsMatched(patterns, (p) => has([p]))}) DESC, c.opens_at DESC, c.id DESC
    LIMIT ${take}`
}

const policySectionOf = (any: string[]) => Prisma.sql`
  SELECT 1 FROM policy_section s WHERE s.document_id = p.id AND (s.heading ILIKE ANY(${any}::text[]) OR s.body ILIKE ANY(${any}::text[]))`

/** Released (PUBLISHED) policy documents with a term in the title, document number, issuer, summary or a clause. */
export function searchPolicies(db: DbOrTx, terms: string[], take: number) {
  const patterns = terms.map(containsPattern)
  const has = (any: string[]) =>
    Prisma.sql`p.title ILIKE ANY(${any}::text[]) OR p.doc_number ILIKE ANY(${any}::text[]) OR p.issuer ILIKE ANY(${any}::text[])
      OR p.summary ILIKE ANY(${any}::text[]) OR EXISTS (${policySectionOf(any)})`
  return db.$queryRaw<SearchRow[]>`
    SELECT p.id, p.title,
      COALESCE(
        CASE WHEN p.summary ILIKE ANY(${patterns}::text[]) THEN p.summary END,
        (SELECT s.heading || ' ' || s.body FROM policy_section s
          WHERE s.document_id = p.id AND (s.heading ILIKE ANY(${patterns}::text[]) OR s.body ILIKE ANY(${patterns}::text[]))
          ORDER BY s.position LIMIT 1),
        CASE WHEN p.doc_number ILIKE ANY(${patterns}::text[]) OR p.issuer ILIKE ANY(${patterns}::text[]) THEN p.issuer || ' ' || p.doc_number END,
        p.summary) AS text
    FROM policy_document p
    WHERE p.status = 'PUBLISHED' AND (${has(patterns)})
    ORDER BY (${termsMatched(patterns, (t) => has([t]))}) DESC, p.published_at DESC, p.id DESC
    LIMIT ${take}`
}

/** The text runs of an interpretation's rich-text body (never its keys, block types or image addresses). */
const bodyTextOf = (any: string[]) => Prisma.sql`
  SELECT v #>> '{}' AS t FROM jsonb_path_query(i.body::jsonb, 'lax $.**.text') v
  WHERE jsonb_typeof(v) = 'string' AND (v #>> '{}') ILIKE ANY(${any}::text[])`

/** Published interpretations of published policies with a term in the title or the body's text. */
export function searchInterpretations(db: DbOrTx, terms: string[], take: number) {
  const patterns = terms.map(containsPattern)
  const has = (any: string[]) => Prisma.sql`i.title ILIKE ANY(${any}::text[]) OR EXISTS (${bodyTextOf(any)})`
  return db.$queryRaw<SearchRow[]>`
    SELECT i.id, i.title, COALESCE((SELECT b.t FROM (${bodyTextOf(patterns)}) b LIMIT 1), d.title) AS text
    FROM policy_interpretation i JOIN policy_document d ON d.id = i.document_id
    WHERE i.status = 'PUBLISHED' AND d.status = 'PUBLISHED' AND (${has(patterns)})
    ORDER BY (${termsMatched(patterns, (p) => has([p]))}) DESC, i.released_at DESC NULLS LAST, i.id DESC
    LIMIT ${take}`
}

/** Published events with a term in the title, description or place; most terms, then latest start first. */
export function searchEvents(db: DbOrTx, terms: string[], now: Date, take: number) {
  const patterns = terms.map(containsPattern)
  const has = (any: string[]) => Prisma.sql`e.title ILIKE ANY(${any}::text[]) OR e.description ILIKE ANY(${any}::text[]) OR e.place ILIKE ANY(${any}::text[])`
  return db.$queryRaw<SearchRow[]>`
    SELECT e.id, e.title,
      CASE WHEN e.description ILIKE ANY(${patterns}::text[]) THEN e.description
           WHEN e.place ILIKE ANY(${patterns}::text[]) THEN e.place
           ELSE e.description END AS text
    FROM event e
    WHERE e.published_at <= ${now} AND (${has(patterns)})
    ORDER BY (${termsMatched(patterns, (p) => has([p]))}) DESC, e.starts_at DESC, e.id DESC
    LIMIT ${take}`
}
