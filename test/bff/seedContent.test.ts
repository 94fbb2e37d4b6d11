// The demo content reads naturally: one level of book-title marks in every seeded title (also where a message wraps a title), and seeded times on clock times people use — not the minute the seed ran.
import { bookTitle, shanghaiParts, shanghaiTime } from '@gm/shared'
import { seedDemo } from '../../bff/src/seed/demo'
import { startTestApp, type TestApp } from '../support/testApp'

/** An awkward moment to seed at: 16:11:37 Beijing time (every seeded time used to end in :11). */
const SEEDED_AT = new Date(shanghaiTime(2026, 11, 23, 16, 11).getTime() + 37_000)
let app: TestApp
let wallClockBefore: number

beforeAll(async () => {
  app = await startTestApp({ now: SEEDED_AT })
  wallClockBefore = Date.now()
  await seedDemo(app.db, SEEDED_AT)
})
afterAll(() => app.close())

/** 《 inside 《…》: 《关于《…》…公告》. */
const nested = (text: string) => /《[^》]*《/.test(text)

describe('seeded demo content', () => {
  it('has no nested book-title marks in any title, nor once a message wraps the title', async () => {
    const rows = await app.db.$queryRaw<{ kind: string; title: string }[]>`
      SELECT 'consultation' AS kind, title FROM consultation UNION ALL
      SELECT 'decision', title FROM decision UNION ALL
      SELECT 'event', title FROM event UNION ALL
      SELECT 'policy', title FROM policy_document UNION ALL
      SELECT 'interpretation', title FROM policy_interpretation UNION ALL
      SELECT 'qa', question FROM qa_item UNION ALL
      SELECT 'notification', title || ' ' || body FROM notification`
    expect(rows.filter((r) => r.kind === 'consultation').length).toBeGreaterThanOrEqual(4)
    expect(rows.filter((r) => nested(r.title))).toEqual([])
    // Messages put a title in 《》 through bookTitle: a consultation's 关于《…》…公告 is not wrapped again.
    expect(rows.filter((r) => nested(bookTitle(r.title)))).toEqual([])
    expect(bookTitle('关于《高新区城市公共停车设施建设管理办法（征求意见稿）》公开征求意见的公告')).toBe(
      '关于《高新区城市公共停车设施建设管理办法（征求意见稿）》公开征求意见的公告',
    )
    expect(bookTitle('高新区人才公寓配租管理办法')).toBe('《高新区人才公寓配租管理办法》')
  })

  it('puts every seeded time on a round clock time (09:00, 14:30, 20:15), none at the minute the seed ran', async () => {
    const columns = await app.db.$queryRaw<{ table: string; column: string }[]>`
      SELECT table_name::text AS "table", column_name::text AS "column" FROM information_schema.columns
      WHERE table_schema = current_schema() AND data_type = 'timestamp with time zone'
        AND table_name <> '_prisma_migrations' -- written when the test database's template was migrated, not by the seed
      ORDER BY table_name, column_name`
    // Rows the migrations wrote (e.g. the Q&A topics) carry the moment the test template was migrated, not seeded times.
    const [migrated] = await app.db.$queryRaw<{ from: Date; to: Date }[]>`SELECT min(started_at) AS "from", max(finished_at) AS "to" FROM _prisma_migrations`
    const byMigration = (at: Date) => at.getTime() >= migrated!.from.getTime() - 1_000 && at.getTime() <= migrated!.to.getTime() + 1_000
    const seeded: { where: string; at: Date }[] = []
    for (const { table, column } of columns) {
      const values = await app.db.$queryRawUnsafe<{ at: Date }[]>(`SELECT "${column}" AS at FROM "${table}" WHERE "${column}" IS NOT NULL`)
      // Column defaults (created_at = now() when the row was written) are the database's clock, not seeded content.
      for (const { at } of values) if (at.getTime() < wallClockBefore - 60_000 && !byMigration(at)) seeded.push({ where: `${table}.${column}`, at })
    }
    const tables = new Set(seeded.map((s) => s.where.split('.')[0]))
    for (const table of ['consultation', 'event', 'opinion', 'policy_document', 'decision_stage']) expect(tables).toContain(table)

    const odd = seeded.filter(({ at }) => at.getUTCSeconds() !== 0 || at.getUTCMilliseconds() !== 0 || shanghaiParts(at).minute % 5 !== 0)
    expect(odd.map(({ where, at }) => `${where} ${at.toISOString()}`)).toEqual([])
    expect(new Set(seeded.map(({ at }) => shanghaiParts(at).minute)).size).toBeGreaterThan(2)
    // Events at hours people meet: start between 08:00 and 18:00 Beijing time.
    const events = await app.db.event.findMany({ select: { title: true, startsAt: true, endsAt: true } })
    for (const e of events) {
      expect(shanghaiParts(e.startsAt).hour).toBeGreaterThanOrEqual(8)
      expect(shanghaiParts(e.endsAt).hour).toBeLessThanOrEqual(18)
    }
  })
})
