import pg from 'pg'

/**
 * The e2e database, for set-up and clean-up the H5 UI does not offer (never for a step a walk
 * asserts). Set by the global set-up.
 */
export async function withDatabase<T>(work: (db: pg.Client) => Promise<T>): Promise<T> {
  const connectionString = process.env.E2E_DATABASE_URL
  if (!connectionString) throw new Error('E2E_DATABASE_URL is not set: run e2e tests through jest (test/e2e/support/globalSetup.ts)')
  const db = new pg.Client({ connectionString })
  await db.connect()
  try {
    return await work(db)
  } finally {
    await db.end()
  }
}

/**
 * Remove the registrations a walk made for a seeded event and give their seats back, so the event
 * shows its seeded seats again to the other walks (tabs.test.ts counts them).
 */
export async function removeWalkRegistrations(eventTitle: string, phone: string): Promise<number> {
  return withDatabase(async (db) => {
    await db.query('BEGIN')
    try {
      const removed = await db.query<{ event_id: number; status: string }>(
        'DELETE FROM registration r USING event e WHERE r.event_id = e.id AND e.title = $1 AND r.phone = $2 RETURNING r.event_id, r.status::text AS status',
        [eventTitle, phone],
      )
      for (const row of removed.rows) {
        if (row.status === 'SELECTED' || row.status === 'CHECKED_IN')
          await db.query('UPDATE event SET confirmed_count = confirmed_count - 1 WHERE id = $1', [row.event_id])
        if (row.status === 'WAITLISTED') await db.query('UPDATE event SET waitlist_count = waitlist_count - 1 WHERE id = $1', [row.event_id])
      }
      await db.query('COMMIT')
      return removed.rowCount ?? 0
    } catch (error) {
      await db.query('ROLLBACK')
      throw error
    }
  })
}
