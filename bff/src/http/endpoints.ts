// Finds the contract endpoint a request is for, before routing (deadlines, cache headers).
import { contract, type Endpoint, type EndpointName } from '@gm/shared'

interface Matcher {
  name: EndpointName
  endpoint: Endpoint
  method: string
  pattern: RegExp
  params: string[]
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const matchers: Matcher[] = (Object.keys(contract) as EndpointName[])
  .map((name) => {
    const endpoint: Endpoint = contract[name]
    const segments = endpoint.path.split('/')
    const pattern = new RegExp(`^${segments.map((s) => (s.startsWith(':') ? '([^/]+)' : escape(s))).join('/')}/?$`)
    return { name, endpoint, method: endpoint.method, pattern, params: segments.filter((s) => s.startsWith(':')).map((s) => s.slice(1)) }
  })
  // A literal segment wins over a parameter (`/api/qa/search` before `/api/qa/:id`), as in the router.
  .sort((a, b) => a.params.length - b.params.length)

/**
 * The contract endpoint for this method and path, or null (static files, health checks, unknown
 * routes), with the path's raw parameter texts (not validated: the route's schema does that).
 */
export function endpointFor(method: string, path: string): Match | null {
  const verb = method === 'HEAD' ? 'GET' : method
  // Several middlewares ask about the same request: the latest answers are kept (a bounded number, whatever paths are sent).
  const key = `${verb} ${path}`
  const known = recent.get(key)
  if (known !== undefined) return known
  let result: Match | null = null
  for (const m of matchers) {
    if (m.method !== verb) continue
    const found = m.pattern.exec(path)
    if (found) {
      result = { name: m.name, endpoint: m.endpoint, params: Object.fromEntries(m.params.map((p, i) => [p, found[i + 1]!])) }
      break
    }
  }
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!)
  recent.set(key, result)
  return result
}

type Match = { name: EndpointName; endpoint: Endpoint; params: Record<string, string> }
const RECENT_MAX = 1_000
const recent = new Map<string, Match | null>()
