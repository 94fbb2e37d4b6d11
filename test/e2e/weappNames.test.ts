// The weapp build, rendered in Node page by page: every element of a citizen page that WeChat lets a person tap or type in carries a name (aria-label or text).
import { baseUrl } from './support/browser'
import { citizenRoutes, type SeededIds, seededIds } from './support/seededIds'
import { readTemplates, WeappRuntime, type WxNode, type WxTemplate } from './support/weappRuntime'

/** Native controls (always something to operate) and, for view/text/image, the templates Taro picks when a handler is bound. */
const CONTROLS = new Set(['button', 'input', 'textarea', 'picker', 'switch', 'checkbox', 'radio', 'slider', 'navigator'])

const templates = readTemplates()

function template(node: WxNode): WxTemplate {
  const t = templates.get(node.nn)
  if (!t) throw new Error(`no template in base.wxml for node name ${node.nn}`)
  return t
}

/** What the templates write into an attribute for this node ('' when unbound or empty). */
function attribute(node: WxNode, name: string): string {
  const key = template(node).attrs[name]
  const value = key === undefined ? undefined : node[key]
  return typeof value === 'string' ? value.trim() : ''
}

/** Text a screen reader reads inside the node, leaving out what is aria-hidden. */
function text(node: WxNode): string {
  if (node.v !== undefined) return node.v.trim()
  if (attribute(node, 'aria-hidden') === 'true') return ''
  return (node.cn ?? []).map(text).join('').trim()
}

function interactive(node: WxNode): boolean {
  const t = template(node)
  return CONTROLS.has(t.tag) || (['view', 'text', 'image'].includes(t.tag) && t.tap)
}

/** Each tappable or typeable element without a name, as `tag.class`. */
function unnamed(nodes: WxNode[]): string[] {
  const found: string[] = []
  const walk = (node: WxNode) => {
    if (node.v !== undefined) return
    if (interactive(node) && !attribute(node, 'aria-label') && !text(node)) found.push(`${template(node).tag}.${node.cl ?? '(no class)'}`)
    node.cn?.forEach(walk)
  }
  nodes.forEach(walk)
  return found
}

let ids: SeededIds
let runtime: WeappRuntime
/** Controls judged over all pages (a check that found none would prove nothing). */
let checked = 0

beforeAll(async () => {
  ids = await seededIds()
  runtime = new WeappRuntime(baseUrl())
  const response = await fetch(`${baseUrl()}/api/auth/demo`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: '小程序检查居民' }),
  })
  runtime.signIn(await response.json())
})

describe('names on controls in the weapp build', () => {
  it('finds the templates it judges by: view, text and button, and the input that carries aria-label', () => {
    const tags = new Set([...templates.values()].map((t) => t.tag))
    for (const tag of ['view', 'text', 'image', 'button', 'input', 'textarea']) expect(tags).toContain(tag)
    const input = [...templates.values()].find((t) => t.tag === 'input')!
    expect(input.attrs['aria-label']).toBeDefined()
  })

  it.each(citizenRoutes({} as SeededIds).map(([name], i) => [name, i] as const))('%s: every control has an aria-label or text', async (name, i) => {
    const [, route, root] = citizenRoutes(ids)[i]!
    const tree = await runtime.render(route)
    // The page rendered with its data: its root is there and no request failed.
    expect(JSON.stringify(tree)).toContain(root)
    expect(runtime.failures.splice(0)).toEqual([])
    const controls: WxNode[] = []
    const collect = (node: WxNode) => {
      if (node.v === undefined && interactive(node)) controls.push(node)
      node.cn?.forEach(collect)
    }
    tree.forEach(collect)
    checked += controls.length
    expect({ name, unnamed: unnamed(tree) }).toEqual({ name, unnamed: [] })
  })

  it('judged the controls of the citizen pages (links, buttons, inputs: well over a hundred)', () => {
    expect(checked).toBeGreaterThan(100)
  })
})
