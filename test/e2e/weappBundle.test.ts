import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/** The WeChat build as DevTools opens it (`npm run build:weapp`; npm test builds it first). */
const root = path.resolve(__dirname, '../..')
const weapp = path.join(root, 'miniapp/dist/weapp')

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? files(full) : [full]
  })
}

describe('the weapp build', () => {
  const appJson = JSON.parse(readFileSync(path.join(weapp, 'app.json'), 'utf8')) as {
    pages: string[]
    subPackages?: { root: string }[]
    subpackages?: { root: string }[]
    tabBar: { list: { pagePath: string; text: string }[] }
  }

  it('is what project.config.json points WeChat DevTools at', () => {
    const project = JSON.parse(readFileSync(path.join(root, 'project.config.json'), 'utf8')) as { miniprogramRoot: string }
    expect(path.resolve(root, project.miniprogramRoot)).toBe(weapp)
  })

  it('keeps only the four tab pages in the main package', () => {
    expect(appJson.pages).toHaveLength(4)
    expect(appJson.tabBar.list.map((t) => t.text)).toEqual(['意见征集', '活动报名', '政策问答', '我的'])
    expect((appJson.subPackages ?? appJson.subpackages ?? []).length).toBeGreaterThan(0)
  })

  it('has a main package within 568 KB, the size issue 11 measured (WeChat allows 2 MB)', () => {
    const subRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => path.join(weapp, p.root) + path.sep)
    const mainBytes = files(weapp)
      .filter((file) => !subRoots.some((sub) => file.startsWith(sub)) && !file.endsWith('.map'))
      .reduce((sum, file) => sum + statSync(file).size, 0)
    expect(mainBytes).toBeLessThanOrEqual(568 * 1024)
  })

  it('keeps the hooks, components and shared rules only subpackages use out of the main package (miniapp sideEffects)', () => {
    // A staff-only hook's message is not in the main package's chunks (the whole hooks folder was, through its index).
    const main = ['common.js', 'vendors.js', 'app.js'].map((f) => readFileSync(path.join(weapp, f), 'utf8')).join('\n')
    expect(main).not.toContain('请选择答复部门')
  })

  it('contains no `new Function(` (the WeChat runtime forbids it; zod must run jitless)', () => {
    const offenders = files(weapp).filter((file) => file.endsWith('.js') && readFileSync(file, 'utf8').includes('new Function('))
    expect(offenders).toEqual([])
  })

  it('leaves out zod code the miniapp never runs: JSON Schema conversion and the English messages', () => {
    const js = files(weapp)
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n')
    expect(js).toContain('小程序不提供 JSON Schema 转换') // the stand-in, so the check below is not vacuous
    expect(js).not.toContain('draft-2020-12') // to-json-schema.js
    expect(js).not.toContain('Invalid input: expected') // locales/en.js
    expect(js).toContain('无效输入') // zod's Chinese messages stay
  })

  it("leaves out the endpoints' OpenAPI summaries (the BFF's document keeps them)", () => {
    const js = files(weapp)
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n')
    expect(js).toContain('/api/events/:id') // the contract is there
    expect(js).not.toContain('政府开放日、列席会议、听证座谈活动列表') // listEvents' summary
    expect(js).not.toContain('全部活动（含未发布的草稿）') // listStaffEvents' summary
  })

  it('keeps Chinese text as UTF-8 rather than \\uXXXX escapes (half the bytes of every Chinese string)', () => {
    const common = readFileSync(path.join(weapp, 'common.js'), 'utf8')
    expect(common).toContain('请先登录')
    // Regular expressions keep their escapes (e.g. /[\\u4e00-\\u9fff]/); with Taro's ascii_only default there were thousands.
    expect((common.match(/\\u[4-9][0-9a-f]{3}/g) ?? []).length).toBeLessThan(50)
  })
})
