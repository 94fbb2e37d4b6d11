// Finds the contract endpoint a request is for, before routing (deadlines, cache headers).
import { contract, type Endpoint, type EndpointName } from '@gm/shared'

interface Matcher {
  name: EndpointName
  endpoint: Endpoint
  method: string
  pattern: RegExp
  params: number
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const matchers: Matcher[] = (Object.keys(contract) as EndpointName[])
  .map((name) => {
    const endpoint: Endpoint = contract[name]
    const segments = endpoint.path.split('/')
    const pattern = new RegExp(`^${segments.map((s) => (s.startsWith(':') ? '[^/]+' : escape(s))).join('/')}/?$`)
    return { name, endpoint, method: endpoint.method, pattern, params: segments.filter((s) => s.startsWith(':')).length }
  })
  // A literal segment wins over a parameter (`/api/qa/search` before `/api/qa/:id`), as in the router.
  .sort((a, b) => a.params - b.params)

/** The contract endpoint for this method and path, or null (static files, health checks, unknown routes). */
export function endpointFor(method: string, path: string): { name: EndpointName; endpoint: Endpoint } | null {
  const verb = method === 'HEAD' ? 'GET' : method
  const found = matchers.find((m) => m.method === verb && m.pattern.test(path))
  return found ? { name: found.name, endpoint: found.endpoint } : null
}
