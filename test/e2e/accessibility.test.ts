// axe-core over the H5 build in Chromium: every citizen page and the main staff pages, in normal and 大字模式, have no serious or critical violation.
import AxeBuilder from '@axe-core/playwright'
import type { Browser } from 'playwright-core'
import { baseUrl, launchBrowser } from './support/browser'
import { Phone } from './support/h5'
import { citizenRoutes, type SeededIds, seededIds } from './support/seededIds'

/** WCAG 2.1 A and AA, as the accessibility statement claims. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** One page to check: its address, the class of its root, and a name for the report and the screenshot. */
interface Target {
  name: string
  path: (ids: SeededIds) => string
  root: string
}

/** Every citizen page (support/seededIds.ts), opened by its H5 address. */
const citizenPages: Target[] = citizenRoutes({} as SeededIds).map(([name, , root], i) => ({ name, root, path: (ids) => `/${citizenRoutes(ids)[i]![1]}` }))

const staffPages: Target[] = [
  { name: 'staff-home', path: () => '/packages/staff/pages/home/index', root: 'gm-staff-home' },
  { name: 'staff-consultations', path: () => '/packages/staff/pages/consultations/index', root: 'gm-staff-consultations' },
  { name: 'staff-consultation', path: (ids) => `/packages/staff/pages/consultation/index?id=${ids.closedConsultation}`, root: 'gm-staff-consultation-page' },
  { name: 'staff-opinions', path: (ids) => `/packages/staff/pages/opinions/index?id=${ids.closedConsultation}`, root: 'gm-staff-opinions' },
  { name: 'staff-groups', path: (ids) => `/packages/staff/pages/groups/index?id=${ids.closedConsultation}`, root: 'gm-staff-groups' },
  { name: 'staff-events', path: () => '/packages/staff/pages/events/index', root: 'gm-staff-events' },
  { name: 'staff-event', path: (ids) => `/packages/staff/pages/event/index?id=${ids.pastEvent}`, root: 'gm-staff-event' },
  { name: 'staff-event-opinions', path: (ids) => `/packages/staff/pages/event-opinions/index?id=${ids.pastEvent}`, root: 'gm-staff-event-opinions' },
  { name: 'staff-qa', path: () => '/packages/staff/pages/qa/index', root: 'gm-staff-qa-page' },
  { name: 'staff-policy-questions', path: () => '/packages/staff/pages/policy-questions/index', root: 'gm-staff-policy-questions' },
  { name: 'staff-policies', path: () => '/packages/staff/pages/policies/index', root: 'gm-staff-policies' },
  { name: 'staff-decisions', path: () => '/packages/staff/pages/decisions/index', root: 'gm-staff-decisions' },
  { name: 'staff-statistics', path: () => '/packages/statistics/pages/staff/index', root: 'gm-staff-stats' },
]

let browser: Browser
let ids: SeededIds

beforeAll(async () => {
  ids = await seededIds()
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

/** A violation as the report names it: page, mode, rule, impact, and where (up to three elements). */
function describeViolation(
  page: string,
  mode: string,
  v: { id: string; impact?: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] },
) {
  const where = v.nodes.slice(0, 3).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`)
  return `${page} (${mode}) ${v.id} [${v.impact}] ${v.help}: ${where.join(' | ')}${v.nodes.length > 3 ? ` …+${v.nodes.length - 3}` : ''}`
}

/** Opens the page, waits for its data, runs axe on the document and keeps a screenshot; returns the serious and critical violations. */
async function check(person: Phone, target: Target, mode: 'normal' | 'large', shot: string): Promise<string[]> {
  await person.page.goto(`${baseUrl()}/#${target.path(ids)}`)
  const root = person.on(target.root)
  await root.waitFor()
  await root.locator('.gm-list-state--loading').first().waitFor({ state: 'detached' })
  await person.settled()
  expect(await root.evaluate((el) => el.classList.contains('gm-page--large'))).toBe(mode === 'large')
  // Taro H5 keeps the pages under this one in the document (hidden): axe looks at this page and the tab bar only.
  await root.evaluate((el) => {
    document.querySelectorAll('[data-axe-scope]').forEach((marked) => marked.removeAttribute('data-axe-scope'))
    ;(el.closest('.taro_page') ?? el).setAttribute('data-axe-scope', '')
    document.querySelector('.taro-tabbar__tabbar')?.setAttribute('data-axe-scope', '')
  })
  // Only violations are read, so axe details no passing element (resultTypes), and it runs in this page (legacy mode: the
  // H5 pages have no frames) instead of a fresh blank page per check to merge frame results in: 132 s of axe -> 21 s for the 90 checks.
  const result = await new AxeBuilder({ page: person.page })
    .include('[data-axe-scope]')
    .withTags(TAGS)
    .options({ resultTypes: ['violations'] })
    .setLegacyMode()
    .analyze()
  await person.screenshot(`${shot}-a11y-${mode}-${target.name}`)
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => describeViolation(target.name, mode, v))
}

async function setLargeFont(person: Phone, on: boolean) {
  await person.switchTab('我的')
  const toggle = person.on('gm-mine-page').getByRole('switch', { name: '大字模式' })
  if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.click()
  await person.on('gm-mine-page').getByRole('switch', { name: '大字模式', checked: on }).waitFor()
}

/** Each page is one test (its violations listed by rule and element); the modes run in order in one browser context per person. */
function checkEach(person: () => Phone, targets: Target[], first: number) {
  describe.each([
    ['normal', first],
    ['large', first + targets.length],
  ] as const)('in %s mode', (mode, shot) => {
    beforeAll(() => setLargeFont(person(), mode === 'large'))
    it.each(targets.map((t, i) => [t.name, t, i] as const))('%s has no serious or critical violation', async (_name, target, i) => {
      expect(await check(person(), target, mode, String(shot + i))).toEqual([])
    })
  })
}

describe('citizen pages at 390×844', () => {
  let citizen: Phone
  beforeAll(async () => {
    citizen = await Phone.open(browser)
    await citizen.signInAsCitizen('无障碍检查居民')
  })
  afterAll(async () => {
    expect(citizen.unexpectedErrors()).toEqual([])
    await citizen.close()
  })
  checkEach(() => citizen, citizenPages, 200)
})

describe('main staff pages at 1366×900', () => {
  let staff: Phone
  beforeAll(async () => {
    staff = await Phone.open(browser)
    await staff.page.setViewportSize({ width: 1366, height: 900 })
    await staff.signInAsStaffFirstTime('e2e.a11y.reviewer', `A11y-reviewer-${Date.now()}`)
  })
  afterAll(async () => {
    expect(staff.unexpectedErrors()).toEqual([])
    await staff.close()
  })
  checkEach(() => staff, staffPages, 270)
})
