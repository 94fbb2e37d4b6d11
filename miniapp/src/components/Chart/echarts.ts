// The chart engine of the statistics pages: Apache ECharts with only the parts they draw, so that it stays small and in their sub-package.
import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption, PieChart, type PieSeriesOption } from 'echarts/charts'
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
} from 'echarts/components'
import { type ComposeOption, init, setPlatformAPI, use as installParts } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import Taro from '@tarojs/taro'

installParts([BarChart, LineChart, PieChart, GridComponent, LegendComponent, MarkLineComponent, CanvasRenderer])

/** Everything a statistics chart may set (bars, lines, pies, grid, legend, a reference line). */
export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption
>

/**
 * In the mini-program there is no `document`: ECharts measures its labels on an offscreen 2d
 * canvas (base library 2.16.1+) instead of a canvas element it would create.
 */
if (process.env.TARO_ENV === 'weapp') {
  setPlatformAPI({
    createCanvas: () => Taro.createOffscreenCanvas({ type: '2d', width: 1, height: 1 }) as unknown as HTMLCanvasElement,
  })
}

export { init as initChart }
