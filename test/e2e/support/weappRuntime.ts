import { readFileSync } from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'

/**
 * The weapp build run in Node, as far as WeChat's side is needed to render a page: `App`, `Page` and a `wx`
 * whose requests go to the e2e BFF. A page is loaded with its query and renders through Taro's runtime;
 * what it sends with `setData` is the tree base.wxml's templates draw (node names and props under their short
 * keys). Nothing from the source tree is used: only miniapp/dist/weapp.
 */
export const WEAPP_DIR = path.resolve(__dirname, '../../../miniapp/dist/weapp')

/** A rendered node as the templates receive it: `nn` picks the template, `cn` the children, `v` a text's value, `p<n>` the props. */
export interface WxNode {
  nn: string
  v?: string
  cl?: string
  cn?: WxNode[]
  [key: string]: unknown
}

type PageConfig = Record<string, (this: PageInstance, ...args: unknown[]) => unknown>
interface PageInstance {
  route: string
  data: { root?: { cn?: WxNode[] } }
  setData: (data: Record<string, unknown>, callback?: () => void) => void
}

/** Sets `root.cn.[0].cn.[2].v` (Taro's path keys) in data. */
function applyPath(data: Record<string, unknown>, key: string, value: unknown) {
  const parts = key.split('.').map((p) => (/^\[\d+\]$/.test(p) ? Number(p.slice(1, -1)) : p))
  let at = data as Record<string | number, unknown>
  for (const [i, part] of parts.entries()) {
    if (i === parts.length - 1) {
      at[part] = value
    } else {
      if (at[part] === undefined || at[part] === null) at[part] = typeof parts[i + 1] === 'number' ? [] : {}
      at = at[part] as Record<string | number, unknown>
    }
  }
}

export class WeappRuntime {
  private readonly pages = new Map<string, PageConfig>()
  private readonly modules = new Map<string, { exports: unknown }>()
  private readonly storage = new Map<string, unknown>()
  private readonly context: vm.Context
  private loading = ''
  private pending = 0
  private lastActivity = Date.now()
  private current: PageInstance | null = null
  private app: PageConfig = {}
  /** Requests that failed or answered 4xx/5xx: a page that could not load its data is not a fair check. */
  readonly failures: string[] = []

  constructor(private readonly apiBase: string) {
    const noop = () => undefined
    const info = { platform: 'devtools', windowWidth: 375, windowHeight: 812, screenWidth: 375, screenHeight: 812, pixelRatio: 2 }
    const wx: Record<string, unknown> = {
      getSystemInfoSync: () => ({ ...info, SDKVersion: '3.5.0', language: 'zh_CN', version: '8.0.50' }),
      getWindowInfo: () => info,
      getAppBaseInfo: () => ({ SDKVersion: '3.5.0', language: 'zh_CN', version: '8.0.50' }),
      getDeviceInfo: () => ({ platform: 'devtools' }),
      getStorageSync: (key: string) => this.storage.get(key) ?? '',
      setStorageSync: (key: string, value: unknown) => void this.storage.set(key, value),
      removeStorageSync: (key: string) => void this.storage.delete(key),
      canIUse: () => true,
      nextTick: (f: () => void) => setTimeout(f, 0),
      // Charts measure their canvas: a query that finds nothing (they draw nothing, the tables beside them still render).
      createSelectorQuery: () => {
        const query: Record<string, unknown> = {}
        for (const step of ['select', 'selectAll', 'selectViewport', 'in', 'fields', 'boundingClientRect', 'node', 'scrollOffset']) query[step] = () => query
        query.exec = (callback?: (results: unknown[]) => void) => setTimeout(() => callback?.([]), 0)
        return query
      },
      getMenuButtonBoundingClientRect: () => ({ top: 0, bottom: 0, left: 0, right: 0, width: 0, height: 0 }),
      request: (o: {
        url: string
        method?: string
        data?: unknown
        header?: Record<string, string>
        success?: (r: unknown) => void
        fail?: (e: unknown) => void
      }) => this.request(o),
    }
    // Every other wx API (toasts, navigation, subscriptions…) does nothing here.
    const wxProxy = new Proxy(wx, {
      get: (target, key) => (key in target ? target[key as string] : typeof key === 'string' && !key.startsWith('webpack') ? noop : undefined),
    })
    this.context = vm.createContext({
      wx: wxProxy,
      console: { ...console, log: noop, info: noop, debug: noop, warn: noop },
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      App: (config: PageConfig) => void (this.app = config),
      Page: (config: PageConfig) => void this.pages.set(this.loading, config),
      Component: (config: PageConfig) => void this.pages.set(this.loading, config),
      getApp: () => this.app,
      getCurrentPages: () => (this.current ? [this.current] : []),
      requirePlugin: () => ({}),
    })
    this.context.global = this.context
    this.context.globalThis = this.context
    this.load(path.join(WEAPP_DIR, 'app.js'))
    // The app mounts the React root the pages render into, as WeChat starts it.
    this.app.onLaunch?.call(this.app as never, { path: 'pages/consultations/index', query: {} })
    this.app.onShow?.call(this.app as never, { path: 'pages/consultations/index', query: {} })
  }

  private request(o: {
    url: string
    method?: string
    data?: unknown
    header?: Record<string, string>
    success?: (r: unknown) => void
    fail?: (e: unknown) => void
  }) {
    this.pending++
    this.lastActivity = Date.now()
    const url = o.url.replace(/^https?:\/\/[^/]+/, this.apiBase)
    const body = o.data === undefined ? undefined : JSON.stringify(o.data)
    fetch(url, { method: o.method ?? 'GET', headers: o.header, body })
      .then(async (response) => {
        const text = await response.text()
        if (response.status >= 400) this.failures.push(`${response.status} ${o.method ?? 'GET'} ${o.url}`)
        o.success?.({ statusCode: response.status, data: text ? (JSON.parse(text) as unknown) : '', header: {} })
      })
      .catch((error: Error) => {
        this.failures.push(`${o.url}: ${error.message}`)
        o.fail?.({ errMsg: error.message })
      })
      .finally(() => {
        this.pending--
        this.lastActivity = Date.now()
      })
    return { abort: () => undefined }
  }

  /** A CommonJS-style require of the bundle's files inside the sandbox (each once). */
  private load(file: string): unknown {
    const full = file.endsWith('.js') ? file : `${file}.js`
    const cached = this.modules.get(full)
    if (cached) return cached.exports
    const module = { exports: {} }
    this.modules.set(full, module)
    const wrapped = vm.runInContext(`(function (require, module, exports) {${readFileSync(full, 'utf8')}\n})`, this.context, { filename: full }) as (
      r: (p: string) => unknown,
      m: { exports: unknown },
      e: unknown,
    ) => void
    wrapped((p) => this.load(path.resolve(path.dirname(full), p)), module, module.exports)
    return module.exports
  }

  signIn(session: unknown) {
    this.storage.set('gm.session', session)
  }

  /** Opens a page (`packages/qa/pages/detail/index?id=3`), waits until its requests and renders have settled, and returns its tree. */
  async render(route: string): Promise<WxNode[]> {
    const [pagePath, query = ''] = route.split('?')
    this.loading = pagePath!
    this.load(path.join(WEAPP_DIR, pagePath!))
    const config = this.pages.get(pagePath!)
    if (!config) throw new Error(`${pagePath} did not register a Page`)
    const page = Object.create(config) as PageInstance
    page.route = pagePath!
    page.data = {}
    page.setData = (data, callback) => {
      this.lastActivity = Date.now()
      for (const [key, value] of Object.entries(data)) applyPath(page.data as Record<string, unknown>, key, value)
      callback?.()
    }
    this.current = page
    this.lastActivity = Date.now()
    config.onLoad?.call(page, Object.fromEntries(new URLSearchParams(query)))
    config.onShow?.call(page)
    config.onReady?.call(page)
    const deadline = Date.now() + 15_000
    while (this.pending > 0 || Date.now() - this.lastActivity < 300) {
      if (Date.now() > deadline) throw new Error(`${route} did not settle`)
      await new Promise((r) => setTimeout(r, 50))
    }
    const tree = page.data.root?.cn ?? []
    config.onUnload?.call(page)
    return tree
  }
}

/** The templates of base.wxml by node name: the element each draws, whether it binds taps, and which prop key fills which attribute. */
export interface WxTemplate {
  tag: string
  tap: boolean
  attrs: Record<string, string>
}

export function readTemplates(): Map<string, WxTemplate> {
  const base = readFileSync(path.join(WEAPP_DIR, 'base.wxml'), 'utf8')
  const templates = new Map<string, WxTemplate>()
  for (const m of base.matchAll(/<template name="tmpl_0_([a-z0-9-]+?)(_focus)?">\s*<([a-z-]+)([^>]*)>/g)) {
    const [, nn, , tag, attributes] = m
    if (tag === 'template') continue // a dispatcher to the _focus/_blur variants, read in their own entry
    const attrs: Record<string, string> = {}
    for (const a of attributes!.matchAll(/([a-z-]+)="\{\{[^}]*?\bi\.(p\d+)\b[^}]*\}\}"/g)) attrs[a[1]!] = a[2]!
    templates.set(nn!, { tag: tag!, tap: /\bbindtap="eh"/.test(attributes!), attrs })
  }
  return templates
}
