import { ConfigError, loadConfig } from '../../bff/src/config'

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env)
  } catch (err) {
    if (err instanceof ConfigError) return err.problems
    throw err
  }
  return []
}

describe('configuration parsed at boot', () => {
  it('defaults to the embedded database on port 3000', () => {
    const config = loadConfig({})
    expect(config.PORT).toBe(3000)
    expect(config.DATABASE_URL).toBeUndefined()
    expect(config.EMBEDDED_PG_DIR).toMatch(/\.data[\\/]postgres$/)
  })

  it('names the variable and the problem for a port that is not a number', () => {
    expect(problemsOf({ PORT: 'abc' })).toEqual([expect.stringMatching(/^PORT="abc"：.*端口/)])
  })

  it.each(['mysql://localhost/db', 'not a url', 'postgresql://', 'postgresql://localhost'])('rejects the malformed DATABASE_URL %s', (url) => {
    expect(problemsOf({ DATABASE_URL: url })).toEqual([expect.stringMatching(/^DATABASE_URL=.*postgresql:\/\//)])
  })

  it('reports every bad setting at once', () => {
    expect(problemsOf({ PORT: '70000', LOG_LEVEL: 'loud', SEED_DEMO: 'maybe' })).toHaveLength(3)
  })

  it('reads RATE_LIMIT as on (1), off (0) or a multiplier, and names it when malformed', () => {
    expect(loadConfig({}).RATE_LIMIT).toBe(1)
    expect(loadConfig({ RATE_LIMIT: 'off' }).RATE_LIMIT).toBe(0)
    expect(loadConfig({ RATE_LIMIT: '0.5' }).RATE_LIMIT).toBe(0.5)
    expect(problemsOf({ RATE_LIMIT: 'lots' })).toEqual([expect.stringMatching(/^RATE_LIMIT="lots"：/)])
    expect(problemsOf({ RATE_LIMIT_PREFIX: 'has space' })).toEqual([expect.stringMatching(/^RATE_LIMIT_PREFIX=/)])
  })

  it('believes X-Forwarded-For only from the listed TRUSTED_PROXIES', () => {
    expect(loadConfig({}).TRUSTED_PROXIES).toEqual([])
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.1, 192.168.0.0/16,loopback' }).TRUSTED_PROXIES).toEqual(['10.0.0.1', '192.168.0.0/16', 'loopback'])
    expect(problemsOf({ TRUSTED_PROXIES: 'everyone' })).toEqual([expect.stringMatching(/^TRUSTED_PROXIES=/)])
  })

  it('bounds statements and requests by default, and names a bad or inconsistent limit', () => {
    const config = loadConfig({})
    expect([config.DB_STATEMENT_TIMEOUT_MS, config.REQUEST_TIMEOUT_MS, config.REQUEST_TIMEOUT_LONG_MS]).toEqual([5_000, 10_000, 300_000])
    expect(problemsOf({ DB_STATEMENT_TIMEOUT_MS: 'soon' })).toEqual([expect.stringMatching(/^DB_STATEMENT_TIMEOUT_MS="soon"：/)])
    expect(problemsOf({ REQUEST_TIMEOUT_MS: '5' })).toEqual([expect.stringMatching(/^REQUEST_TIMEOUT_MS="5"：/)])
    expect(problemsOf({ REQUEST_TIMEOUT_MS: '20000', REQUEST_TIMEOUT_LONG_MS: '15000' })).toEqual([expect.stringMatching(/REQUEST_TIMEOUT_LONG_MS/)])
  })

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).PORT).toBe(3000)
  })
})
