// Every staff endpoint of the contract is called from some miniapp code, so no staff capability is reachable only through the API.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { contract, type Endpoint } from '@gm/shared'

const root = path.resolve(__dirname, '../..')

/**
 * Staff endpoints allowed to have no miniapp caller yet, each with its reason. Keep this list empty
 * unless an endpoint is being built by someone else right now; a name listed here that is called
 * (or no longer exists) fails the test, so the list cannot go stale.
 */
const NOT_YET_CALLED: Record<string, string> = {}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return sourceFiles(full)
    return /\.(ts|tsx)$/.test(name) ? [full] : []
  })
}

/** The miniapp's code without comments (a comment naming an endpoint is not a caller). */
function miniappCode(): string {
  return sourceFiles(path.join(root, 'miniapp/src'))
    .map((file) =>
      readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:'"`])\/\/.*$/gm, '$1'),
    )
    .join('\n')
}

/** `api.name(…)`, `callEndpoint('name', …)`, or a download helper naming the endpoint as a string ('exportOpinions'). */
export function isCalled(code: string, name: string): boolean {
  return new RegExp(`\\bapi\\.${name}\\(|callEndpoint\\(\\s*'${name}'|'${name}'`).test(code)
}

const staffEndpoints = (Object.entries(contract) as [string, Endpoint][]).filter(([, endpoint]) => typeof endpoint.access === 'object').map(([name]) => name)

describe('staff endpoints and the miniapp', () => {
  const code = miniappCode()

  it('finds callers the way the miniapp calls the API', () => {
    expect(isCalled('await api.createPolicy({ body })', 'createPolicy')).toBe(true)
    expect(isCalled("callEndpoint('getMe', undefined)", 'getMe')).toBe(true)
    expect(isCalled("downloadExport('exportOpinions', id)", 'exportOpinions')).toBe(true)
    expect(isCalled('api.createPolicyDraft(x)', 'createPolicy')).toBe(false)
    expect(isCalled('listStaffPolicies', 'listStaffPolicies')).toBe(false)
  })

  it('has at least one caller in miniapp/src for every staff endpoint', () => {
    expect(staffEndpoints.length).toBeGreaterThan(30)
    const uncalled = staffEndpoints.filter((name) => !isCalled(code, name) && !(name in NOT_YET_CALLED))
    expect(uncalled).toEqual([])
  })

  it('keeps the allow-list honest: each name exists, is a staff endpoint and still has no caller', () => {
    for (const name of Object.keys(NOT_YET_CALLED)) {
      expect([name, staffEndpoints.includes(name), isCalled(code, name)]).toEqual([name, true, false])
    }
  })
})
