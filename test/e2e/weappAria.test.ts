// The weapp build carries WeChat's aria attributes: the templates bind them and the runtime numbers them the same way.
import { readFileSync } from 'node:fs'
import path from 'node:path'

/** The WeChat build as DevTools opens it (`npm run build:weapp`; npm test builds it first). */
const weapp = path.resolve(__dirname, '../../miniapp/dist/weapp')
const ARIA = ['aria-role', 'aria-label', 'aria-checked', 'aria-disabled', 'aria-selected', 'aria-expanded', 'aria-hidden']

describe('accessibility attributes in the weapp build', () => {
  const base = readFileSync(path.join(weapp, 'base.wxml'), 'utf8')
  const elements = [...base.matchAll(/<(view|text|image) [^>]*>/g)].map((m) => m[0])

  it('binds every aria attribute on each view, text and image template that takes props', () => {
    // Taro's own shortcuts for a bare element (only class, style, id and at most a tap) are used only for elements without
    // other props: one with an aria-label or a role is rendered by the full template.
    const full = elements.filter(
      (e) => !/^<view style="\{\{i\.st\}\}" class="\{\{i\.cl\}\}"( bindtap="eh")?\s+id="\{\{i\.uid\|\|i\.sid\}\}" data-sid="\{\{i\.sid\}\}">$/.test(e),
    )
    expect(full.length).toBeGreaterThan(20)
    for (const element of full) for (const name of ARIA) expect({ element, has: element.includes(` ${name}="{{`) }).toEqual({ element, has: true })
  })

  it('gives the runtime the same attributes (else the short names of every prop would differ between runtime and templates)', () => {
    const app = readFileSync(path.join(weapp, 'app.js'), 'utf8')
    expect(app).toContain(JSON.stringify(ARIA).replace(/"/g, '"'))
  })

  it('sets WeChat’s aria-role (not role) from the shared a11y helper', () => {
    const common = readFileSync(path.join(weapp, 'common.js'), 'utf8')
    expect(common).toMatch(/\["aria-role"\]=/)
    expect(common).not.toMatch(/\.role=t/)
  })
})
