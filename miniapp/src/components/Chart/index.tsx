// One chart on the screen: a 2d canvas node in the mini-program, a box ECharts draws into in the browser (H5).
import { Canvas, View } from '@tarojs/components'
import { useEffect, useRef } from 'react'
import { a11y } from '../../utils/a11y'
import { cx } from '../../utils/format'
import { type BuildChart, drawInBrowser, drawInMiniProgram, type DrawnChart } from './draw'
import './index.scss'

export type { ChartOption } from './echarts'
export type { BuildChart, ChartLook } from './draw'

export interface ChartProps {
  /** The ECharts option for the box's font size (memoise it: a new function draws the chart again). */
  build: BuildChart
  /** What the picture shows, for screen readers (the numbers themselves are in the figure's table). */
  label: string
  className?: string
}

let serial = 0

/**
 * A chart for people who would rather look than read. Presentational: the caller builds the ECharts
 * option from its numbers (and shows the same numbers as a table next to it); the text is as large
 * as the page's, so 大字模式 and a desktop screen enlarge it too.
 */
export function Chart({ build, label, className }: ChartProps) {
  const id = useRef(`gm-chart-${++serial}`).current
  useEffect(() => {
    let chart: DrawnChart | null = null
    let gone = false
    const keep = (drawn: DrawnChart) => {
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
