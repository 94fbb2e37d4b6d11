// The charts' mini-program path: ECharts in its WeChat mode draws into a Canvas type="2d" node (no document), measuring text on an offscreen canvas.
import type { ChartOption } from '../../miniapp/src/components/Chart'

/** A 2d context that records the text drawn and the shapes filled (the WeChat canvas is not here). */
function recordingContext() {
  const texts: string[] = []
  let fills = 0
  const state: Record<string | symbol, unknown> = {}
  const ctx: Record<string | symbol, unknown> = new Proxy(state, {
    get(target, prop) {
      if (prop in target) return target[prop]
      if (prop === 'measureText') return (text: string) => ({ width: String(text).length * 8 })
      if (prop === 'fillText') return (text: unknown) => texts.push(String(text))
      if (prop === 'fill' || prop === 'fillRect') return () => fills++
      if (prop === 'createLinearGradient' || prop === 'createRadialGradient' || prop === 'createPattern') return () => ({ addColorStop: () => undefined })
      if (prop === 'getLineDash') return () => []
      return () => undefined
    },
    set(target, prop, value) {
      target[prop] = value
      return true
    },
  })
  return { ctx, texts, fills: () => fills }
}

describe('a chart in the mini-program', () => {
  const env = process.env.TARO_ENV
  afterEach(() => {
    process.env.TARO_ENV = env
    delete (globalThis as { wx?: unknown }).wx
  })

  it('is drawn into the 2d canvas node the selector query finds, at its size, pixel ratio and font size', () => {
    process.env.TARO_ENV = 'weapp'
    // what makes ECharts (zrender) take the WeChat path: no DOM events, no document canvases
    ;(globalThis as { wx?: unknown }).wx = { getSystemInfoSync: () => ({ pixelRatio: 2 }) }
    const screen = recordingContext()
    const measuring = recordingContext()
    const node = { width: 0, height: 0, getContext: () => screen.ctx }
    const selected: string[] = []
    const fields: unknown[] = []

    jest.isolateModules(() => {
      const Taro = jest.requireActual<{ default: Record<string, unknown> }>('./taroMock').default
      Object.assign(Taro, {
        nextTick: (fn: () => void) => fn(),
        getWindowInfo: () => ({ pixelRatio: 2 }),
        createOffscreenCanvas: () => ({ getContext: () => measuring.ctx }),
        createSelectorQuery: () => ({
          select: (selector: string) => {
            selected.push(selector)
            return {
              fields: (wanted: unknown) => {
                fields.push(wanted)
                return { exec: (done: (res: unknown[]) => void) => done([{ node, width: 320, height: 240, fontSize: '15px' }]) }
              },
            }
          },
        }),
      })
      const { drawInMiniProgram } = jest.requireActual<typeof import('../../miniapp/src/components/Chart/draw')>('../../miniapp/src/components/Chart/draw')
      const { meetingAttendanceOption } = jest.requireActual<typeof import('../../miniapp/src/components/StatisticsCharts/options')>(
        '../../miniapp/src/components/StatisticsCharts/options',
      )
      const looks: number[] = []
      const drawn: unknown[] = []
      drawInMiniProgram(
        'gm-chart-7',
        (look): ChartOption => {
          looks.push(look.fontSize)
          return meetingAttendanceOption([{ department: '建设局', count: 1 }], 2, look)
        },
        (chart) => drawn.push(chart),
      )
      expect(selected).toEqual(['#gm-chart-7'])
      expect(fields).toEqual([{ node: true, size: true, computedStyle: ['fontSize'] }])
      expect(looks).toEqual([15])
      expect(drawn).toHaveLength(1)
      ;(drawn[0] as { dispose: () => void }).dispose()
    })

    // the node was sized for the device pixels, and the bars, labels and the minimum's line drawn on it
    expect([node.width, node.height]).toEqual([640, 480])
    expect(screen.fills()).toBeGreaterThan(0)
    expect(screen.texts).toEqual(expect.arrayContaining(['未达标 建设局', '1 次', '最低 2 次']))
  })
})
