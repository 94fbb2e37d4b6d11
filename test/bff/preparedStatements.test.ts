// Statements the BFF sends again and again are prepared once per connection (PostgreSQL stops parsing and planning them per request), and every answer stays what it was.
import pino from 'pino'
import { createDatabaseClient, type DatabaseHandle } from '../../bff/src/db/client'
import { StatementNames } from '../../bff/src/db/preparedStatements'
import { cloneTestDatabase } from '../support/postgres'

describe('StatementNames', () => {
  it('names a text on its third use, keeps its name, and never gives a name to two texts', () => {
    const names = new StatementNames()
    expect([names.nameOf('SELECT $1'), names.nameOf('SELECT $1'), names.nameOf('SELECT $1'), names.nameOf('SELECT $1')]).toEqual([
      undefined,
      undefined,
      'gm_1',
      'gm_1',
    ])
    for (let i = 0; i < 3; i++) names.nameOf('SELECT $2')
    expect(names.nameOf('SELECT $2')).toBe('gm_2')
    expect(names.nameOf('SELECT $1')).toBe('gm_1')
  })

  it('names at most its limit; texts past it are always sent unnamed', () => {
    const names = new StatementNames(2)
    for (const text of ['a', 'b', 'c']) for (let i = 0; i < 3; i++) names.nameOf(text)
    expect([names.nameOf('a'), names.nameOf('b'), names.nameOf('c')]).toEqual(['gm_1', 'gm_2', undefined])
    expect(names.size).toEqual({ named: 2, counted: 0 })
  })

  it('counts a bounded number of texts: one-off statements (literal values in the SQL) never fill memory', () => {
    const names = new StatementNames(200, 100)
    for (let i = 0; i < 10_000; i++) names.nameOf(`SELECT ${i}`)
    expect(names.size.counted).toBeLessThanOrEqual(100)
    expect(names.size.named).toBe(0)
    // A statement in steady use is still named after the counts started over.
    for (let i = 0; i < 3; i++) names.nameOf('SELECT $1::int')
    expect(names.nameOf('SELECT $1::int')).toBe('gm_1')
  })
})

describe('the database client over PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof cloneTestDatabase>>
  let handle: DatabaseHandle | undefined
  const log = pino({ level: 'silent' })

  beforeAll(async () => {
    database = await cloneTestDatabase('gm_prepared')
    await database.pool.query('CREATE TABLE prepared_probe (id int PRIMARY KEY, n int NOT NULL)')
    await database.pool.query('INSERT INTO prepared_probe SELECT g, g * 10 FROM generate_series(1, 50) g')
  })
  afterEach(async () => {
    await handle?.close()
    handle = undefined
  })
  afterAll(async () => {
    await database?.drop()
  })

  /** The statements the session of this (single-connection) client has prepared. */
  const prepared = () => handle!.db.$queryRawUnsafe<{ name: string; statement: string }[]>('SELECT name, statement FROM pg_prepared_statements ORDER BY name')

  it('prepares a repeated statement once on its connection and answers each call with its own values', async () => {
    handle = createDatabaseClient(database.url, { poolMax: 1, log })
    const answers: number[] = []
    for (let id = 1; id <= 6; id++) {
      const rows = await handle!.db.$queryRaw<{ n: number }[]>`SELECT n FROM prepared_probe WHERE id = ${id}`
      answers.push(rows[0]!.n)
    }
    expect(answers).toEqual([10, 20, 30, 40, 50, 60])
    const statements = await prepared()
    expect(statements).toEqual([
      expect.objectContaining({ name: expect.stringMatching(/^gm_\d+$/), statement: expect.stringContaining('FROM prepared_probe WHERE id = $1') }),
    ])
  })

  it('shares the names across the pool: concurrent calls on several connections get their own answers', async () => {
    handle = createDatabaseClient(database.url, { poolMax: 4, log })
    const ids = Array.from({ length: 200 }, (_, i) => 1 + (i % 50))
    const answers = await Promise.all(
      ids.map((id) => handle!.db.$queryRaw<{ n: number }[]>`SELECT n, pg_backend_pid() AS pid FROM prepared_probe WHERE id = ${id}`),
    )
    expect(answers.map((rows) => rows[0]!.n)).toEqual(ids.map((id) => id * 10))
  })

  it('prepares statements inside transactions too, and a rolled-back transaction leaves the next one working', async () => {
    handle = createDatabaseClient(database.url, { poolMax: 1, log })
    for (let i = 0; i < 4; i++) {
      await handle!.db.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE prepared_probe SET n = n + ${1} WHERE id = ${50}`
      })
    }
    await expect(
      handle!.db.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE prepared_probe SET n = n + ${1} WHERE id = ${50}`
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    const rows = await handle!.db.$queryRaw<{ n: number }[]>`SELECT n FROM prepared_probe WHERE id = ${50}`
    expect(rows[0]!.n).toBe(504)
    expect((await prepared()).map((s) => s.statement)).toEqual(expect.arrayContaining([expect.stringContaining('UPDATE prepared_probe SET n = n + $1')]))
  })

  it('a statement the server refuses (an unknown column) fails every time with its own error, and the connection goes on', async () => {
    handle = createDatabaseClient(database.url, { poolMax: 1, log })
    for (let i = 0; i < 4; i++) {
      await expect(handle!.db.$queryRawUnsafe('SELECT no_such_column FROM prepared_probe WHERE id = $1', 1)).rejects.toThrow(/no_such_column/)
    }
    const rows = await handle!.db.$queryRaw<{ n: number }[]>`SELECT n FROM prepared_probe WHERE id = ${2}`
    expect(rows[0]!.n).toBe(20)
  })

  it('after a schema change alters a prepared statement’s result, one call fails and the connection sends it unnamed from then on', async () => {
    await database.pool.query('CREATE TABLE prepared_altered (id int PRIMARY KEY, n int NOT NULL)')
    await database.pool.query('INSERT INTO prepared_altered VALUES (1, 7)')
    handle = createDatabaseClient(database.url, { poolMax: 1, log })
    const read = () => handle!.db.$queryRawUnsafe<{ n: number | bigint }[]>('SELECT n FROM prepared_altered WHERE id = $1', 1)
    for (let i = 0; i < 4; i++) expect(Number((await read())[0]!.n)).toBe(7)
    await database.pool.query('ALTER TABLE prepared_altered ALTER COLUMN n TYPE bigint')
    await expect(read()).rejects.toThrow(/cached plan must not change result type/)
    expect(Number((await read())[0]!.n)).toBe(7)
    expect(Number((await read())[0]!.n)).toBe(7)
  })
})
