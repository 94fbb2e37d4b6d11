// One chart on the screen: a 2d canvas node in the mini-program, a box ECharts draws into in the browser (H5).
import { Canvas, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import { a11y } from '../../utils/a11y'
import { cx } from '../../utils/format'
import { type ChartOption, initChart } from './echarts'
import './index.scss'

export type { ChartOption } from './echarts'

/** What a chart's text takes from the page: the box's font size, which follows 大字模式 and the screen. */
export interface ChartLook {
  fontSize: number
}

export interface ChartProps {
  /** The ECharts option for the box's font size (memoise it: a new function draws the chart again). */
  build: (look: ChartLook) => ChartOption
  /** What the picture shows, for screen readers (the numbers themselves are in the figure's table). */
  label: string
  className?: string
}

type Drawn = ReturnType<typeof initChart>

let serial = 0

/** weapp: the Canvas type="2d" node (a canvas without nodeName, which ECharts draws into directly). */
function drawInMiniProgram(id: string, build: ChartProps['build'], onDrawn: (chart: Drawn) => void): void {
  void Taro.nextTick(() => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true, computedStyle: ['fontSize'] })
      .exec((res: { node?: HTMLCanvasElement; width: number; height: number; fontSize?: string }[] | undefined) => {
        const found = res?.[0]
        if (!found?.node || !found.width) return
        const chart = initChart(found.node, undefined, { width: found.width, height: found.height, devicePixelRatio: Taro.getWindowInfo().pixelRatio })
        chart.setOption(build({ fontSize: fontSizeOf(found.fontSize) }))
        onDrawn(chart)
      })
  })
}

const fontSizeOf = (css: string | undefined) => parseFloat(css ?? '') || 14

/** H5: ECharts fills the box; drawn once the box has a size, resized with it (a phone turned, a wider window). */
function drawInBrowser(id: string, build: ChartProps['build'], onDrawn: (chart: Drawn) => void): () => void {
  const box = document.getElementById(id)
  if (!box || typeof ResizeObserver === 'undefined') return () => undefined
  let chart: Drawn | null = null
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

/**
 * A chart for people who would rather look than read. Presentational: the caller builds the ECharts
 * option from its numbers (and shows the same numbers as a table next to it); the text is as large
 * as the page's, so 大字模式 and a desktop screen enlarge it too.
 */
export function Chart({ build, label, className }: ChartProps) {
  const id = useRef(`gm-chart-${++serial}`).current
  useEffect(() => {
    let chart: Drawn | null = null
    let gone = false
    const keep = (drawn: Drawn) => {
      if (gone) drawn.dispose()
      else chart = drawn
    }
    const stop = process.env.TARO_ENV === 'weapp' ? (drawInMiniProgram(id, build, keep), () => undefined) : drawInBrowser(id, build, keep)
    return () => {
      gone = true
      stop()
      chart?.dispose()
    }
  }, [id, build])

  return process.env.TARO_ENV === 'weapp' ? (
    <Canvas type="2d" id={id} className={cx('gm-chart', className)} {...a11y(label, 'img')} />
  ) : (
    <View id={id} className={cx('gm-chart', className)} {...a11y(label, 'img')} />
  )
}
