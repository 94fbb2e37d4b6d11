// SQL fixtures for signup tests against BFF processes: citizens signed in with tokens the test knows, and open first-come events.
import { PRIVACY_NOTICE_VERSION } from '@gm/shared'
import { hashToken } from '../../bff/src/security/tokens'

/** Anything that runs one statement: a pg Pool or Client. */
interface Sql {
  query(text: string, values?: unknown[]): Promise<{ rows: any[] }>
}

/**
 * `count` citizens (openid `<prefix>0`, `<prefix>1`…) who accepted the current privacy notice, each
 * with a session valid for a day whose bearer token is `token(i)`. Their ids, by index.
 */
export async function citizensWithSessions(sql: Sql, prefix: string, count: number, token: (i: number) => string): Promise<number[]> {
  const citizens = await sql.query(
    `INSERT INTO citizen (openid, privacy_version, privacy_accepted_at) SELECT $1 || i, $3, now() FROM generate_series(0, $2 - 1) i
     RETURNING id, substr(openid, length($1) + 1)::int AS n`,
    [prefix, count, PRIVACY_NOTICE_VERSION],
  )
  const ids: number[] = []
  for (const { id, n } of citizens.rows as { id: number; n: number }[]) ids[n] = id
  await sql.query(
    `INSERT INTO session (token_hash, citizen_id, expires_at) SELECT h, c, now() + interval '1 day' FROM unnest($1::text[], $2::int[]) AS t(h, c)`,
    [ids.map((_, i) => hashToken(token(i))), ids],
  )
  return ids
}

/** A published first-come event whose signups are open now (the database's clock), starting in ten days. */
export async function openFirstComeEvent(
  sql: Sql,
  options: { departmentId: number; capacity: number; waitlistCapacity?: number; title: string },
): Promise<number> {
  const event = await sql.query(
    `INSERT INTO event (kind, title, description, place, department_id, starts_at, ends_at, signup_opens_at, signup_closes_at,
                        capacity, reserved_seats, waitlist_capacity, selection_mode, published_at)
     VALUES ('OPEN_DAY', $1, '—', '—', $2, now() + interval '10 days', now() + interval '10 days 3 hours',
             now() - interval '1 day', now() + interval '5 days', $3, 0, $4, 'FIRST_COME', now() - interval '1 day') RETURNING id`,
    [options.title, options.departmentId, options.capacity, options.waitlistCapacity ?? 0],
  )
  return event.rows[0].id
}
