// Drawing a chart on each platform: a Canvas type="2d" node in the mini-program, a box in the browser (plain TS, tested without React).
import Taro from '@tarojs/taro'
import { type ChartOption, initChart } from './echarts'

/** What a chart's text takes from the page: the box's font size, which follows 大字模式 and the screen. */
export interface ChartLook {
  fontSize: number
}

export type BuildChart = (look: ChartLook) => ChartOption

/** A chart ECharts drew (disposed when its box goes). */
export type DrawnChart = ReturnType<typeof initChart>

/** getWindowInfo from base library 2.20.1, getSystemInfoSync before it. */
const pixelRatio = () => (typeof Taro.getWindowInfo === 'function' ? Taro.getWindowInfo() : Taro.getSystemInfoSync()).pixelRatio

/** What the selector query gives for a Canvas type="2d" node: its 2d context and pixel size, and no DOM methods. */
interface MiniCanvasNode {
  width: number
  height: number
  getContext: (type: '2d') => unknown
}

/**
 * The node as ECharts' WeChat mode uses it: a canvas without nodeName (drawn into directly) whose
 * pixel size it sets, and which it would give touch listeners; the node has no addEventListener, and
 * the charts take no touches (their numbers are labelled and in the table), so those do nothing.
 */
function canvasOf(node: MiniCanvasNode): HTMLCanvasElement {
  const canvas = {
    getContext: (type: '2d') => node.getContext(type),
    get width() {
      return node.width
    },
    set width(value: number) {
      node.width = value
    },
    get height() {
      return node.height
    },
    set height(value: number) {
      node.height = value
    },
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }
  return canvas as unknown as HTMLCanvasElement
}

/** weapp: the Canvas type="2d" node found by its id, at its size, the device's pixel ratio and the box's font size. */
export function drawInMiniProgram(id: string, build: BuildChart, onDrawn: (chart: DrawnChart) => void): void {
  void Taro.nextTick(() => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true, computedStyle: ['fontSize'] })
      .exec((res: { node?: MiniCanvasNode; width: number; height: number; fontSize?: string }[] | undefined) => {
        const found = res?.[0]
        if (!found?.node || !found.width) return
        const chart = initChart(canvasOf(found.node), undefined, {
          width: found.width,
          height: found.height,
          devicePixelRatio: pixelRatio(),
        })
        chart.setOption(build({ fontSize: fontSizeOf(found.fontSize) }))
        onDrawn(chart)
      })
  })
}

const fontSizeOf = (css: string | undefined) => parseFloat(css ?? '') || 14

/** H5: ECharts fills the box; drawn once the box has a size, resized with it (a phone turned, a wider window). */
export function drawInBrowser(id: string, build: BuildChart, onDrawn: (chart: DrawnChart) => void): () => void {
  const box = document.getElementById(id)
  if (!box || typeof ResizeObserver === 'undefined') return () => undefined
  let chart: DrawnChart | null = null
  let fontSize = 0
  const observer = new ResizeObserver(() => {
    if (!box.clientWidth) return
    const current = fontSizeOf(getComputedStyle(box).fontSize)
    if (!chart) {
      chart = initChart(box, undefined, { renderer: 'canvas' })
      onDrawn(chart)
    } else {
      chart.resize()
    }
    if (current !== fontSize) {
      fontSize = current
      chart.setOption(build({ fontSize }), true)
    }
  })
  observer.observe(box)
  return () => observer.disconnect()
}
