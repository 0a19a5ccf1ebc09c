import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import * as echarts from 'echarts'
import { addDays, lastDayOf, type PlainDate } from '../domain/plain-date.js'
import type { ChartImage, SpendChartData } from '../domain/spend.js'
import { formatAmount } from './labels.js'

/**
 * The spend chart (issue 28): ECharts draws it as SVG on the server (its SSR renderer, no DOM),
 * resvg turns that into a PNG with Noto Sans JP (the OTF in @embedpdf/fonts-jp, SIL OFL) so the
 * Japanese labels render the same on every machine, whatever fonts it has. 1080 px wide: a phone
 * shows it full width without zooming in.
 */
const WIDTH = 720
const HEIGHT = 780
const SCALE = 1.5
const FONT = 'Noto Sans JP'

const require = createRequire(import.meta.url)
// The package exports only its script; the fonts sit beside it (its "files" ship them).
const FONT_FILE = join(dirname(require.resolve('@embedpdf/fonts-jp')), '../fonts/NotoSansJP-Regular.otf')

export const SPEND_CHART_TEXT = {
  months: '月別ご利用料金（薄い色は集計中）',
  running: (month: string) => `${monthLabel(month)}の累計と月末予測`,
  actual: '実績（累計）',
  forecast: '予測（直近の1日平均で延長）',
  budget: '予算',
  title: (operatorId: string) => `${operatorId} のご利用料金`,
  alt: (operatorId: string, months: number) =>
    `${operatorId} の直近${months}か月のご利用料金の棒グラフと、今月の累計・月末予測の折れ線グラフ`,
}

const monthLabel = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`
const shortMonth = (month: string) => `${Number(month.slice(5, 7))}月`

/** The SVG of the chart (tests read it; the PNG is made from it). */
export function spendChartSvg(data: SpendChartData): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT })
  try {
    chart.setOption(spendChartOption(data))
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

export async function spendChartPng(data: SpendChartData): Promise<ChartImage> {
  const svg = spendChartSvg(data)
  const resvg = new Resvg(svg, {
    font: { fontFiles: [FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT },
    fitTo: { mode: 'width', value: Math.round(WIDTH * SCALE) },
    background: '#ffffff',
  })
  const bytes = resvg.render().asPng()
  const latest = data.running?.month ?? data.months.at(-1)?.month ?? ''
  return {
    bytes,
    filename: `soracom-${data.operatorId}-${latest}.png`,
    title: SPEND_CHART_TEXT.title(data.operatorId),
    altText: SPEND_CHART_TEXT.alt(data.operatorId, data.months.length),
  }
}

function spendChartOption(data: SpendChartData): echarts.EChartsCoreOption {
  const money = (value: number) => formatAmount(value, data.currency)
  const running = data.running
  const hasRunning = running !== undefined
  const top = { left: 90, right: 30, top: 50, height: hasRunning ? 240 : 620 }
  const option: echarts.EChartsCoreOption = {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT, fontSize: 15 },
    title: [
      { text: SPEND_CHART_TEXT.months, left: 20, top: 10, textStyle: { fontSize: 18, fontFamily: FONT } },
      ...(running
        ? [
            {
              text: SPEND_CHART_TEXT.running(running.month),
              left: 20,
              top: 380,
              textStyle: { fontSize: 18, fontFamily: FONT },
            },
          ]
        : []),
    ],
    grid: [top, ...(hasRunning ? [{ left: 90, right: 30, top: 460, height: 250 }] : [])],
    xAxis: [
      {
        type: 'category',
        gridIndex: 0,
        // The year under the first month and wherever it changes (a gap of months shows).
        data: data.months.map((m, i) =>
          i === 0 || m.month.slice(0, 4) !== data.months[i - 1]?.month.slice(0, 4)
            ? `${shortMonth(m.month)}\n${m.month.slice(0, 4)}年`
            : shortMonth(m.month),
        ),
        axisLabel: { fontSize: 14 },
      },
    ],
    yAxis: [{ type: 'value', gridIndex: 0, axisLabel: { formatter: money, fontSize: 13 } }],
    series: [
      {
        type: 'bar',
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: data.months.map((m) => ({
          value: m.amount,
          itemStyle: { color: m.closed ? '#2f6fdf' : '#9dbcf2' },
        })),
        label: {
          show: data.months.length <= 6,
          position: 'top',
          formatter: (p: { value: number }) => money(p.value),
        },
      },
    ],
  }
  if (!running) return option
  const last = lastDayOf(running.month)
  const dates: PlainDate[] = []
  for (let d = `${running.month}-01` as PlainDate; d <= last; d = addDays(d, 1)) dates.push(d)
  const byDate = new Map(running.days.map((d) => [d.date, d.amount]))
  const { forecast } = running
  let total = forecast.fixed
  const actual = dates.map((d) => {
    if (!forecast.through || d > forecast.through) return null
    total += byDate.get(d) ?? 0
    return Math.round(total)
  })
  // The forecast line starts where the figures end (the amount so far) and runs at the rate.
  const throughIndex = forecast.through ? dates.indexOf(forecast.through) : -1
  const projected = dates.map((_, i) =>
    i < throughIndex ? null : Math.round(forecast.soFar + forecast.dailyRate * (i - throughIndex)),
  )
  const xAxes = option.xAxis as object[]
  const yAxes = option.yAxis as object[]
  const series = option.series as object[]
  xAxes.push({
    type: 'category',
    gridIndex: 1,
    data: dates.map((d) => `${Number(d.slice(8))}日`),
    axisLabel: { interval: 4, fontSize: 13 },
  })
  yAxes.push({ type: 'value', gridIndex: 1, axisLabel: { formatter: money, fontSize: 13 } })
  series.push(
    {
      name: SPEND_CHART_TEXT.actual,
      type: 'line',
      xAxisIndex: 1,
      yAxisIndex: 1,
      data: actual,
      showSymbol: false,
      lineStyle: { width: 3, color: '#2f6fdf' },
      itemStyle: { color: '#2f6fdf' },
    },
    {
      name: SPEND_CHART_TEXT.forecast,
      type: 'line',
      xAxisIndex: 1,
      yAxisIndex: 1,
      data: projected,
      showSymbol: false,
      lineStyle: { width: 3, type: 'dashed', color: '#e8833a' },
      itemStyle: { color: '#e8833a' },
      ...(running.budget !== undefined
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              lineStyle: { color: '#d0342c', width: 2 },
              label: {
                formatter: `${SPEND_CHART_TEXT.budget} ${money(running.budget)}`,
                position: 'insideStartTop',
                fontSize: 14,
              },
              data: [{ yAxis: running.budget }],
            },
          }
        : {}),
    },
  )
  option.legend = {
    top: 730,
    left: 'center',
    textStyle: { fontSize: 14, fontFamily: FONT },
    data: [SPEND_CHART_TEXT.actual, SPEND_CHART_TEXT.forecast],
  }
  return option
}
