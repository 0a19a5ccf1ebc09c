/**
 * The month-end forecast's backtest (issue 28): generated months whose totals are known — steady,
 * growing, one spike day, new SIMs from mid-month — each with day-to-day noise, forecast from the
 * days so far as the bot does (src/domain/spend.ts), against the naive "average day so far × days
 * in the month" beside it. Reports the mean absolute error, in % of the true total, by day of month.
 * Seeded: every run gives the same figures.
 */
import { performance } from 'node:perf_hooks'
import type { PlainDate, YearMonth } from '../src/domain/plain-date.js'
import { type DailyAmount, forecastMonthEnd } from '../src/domain/spend.js'
import { spendChartPng } from '../src/render/charts.js'

const MONTH = '2026-11' as YearMonth
const DAYS = 30
/** A plan's monthly fee: in the running month's amount from day 1, in no day. */
const FIXED = 3000
const CHECKPOINTS = [3, 5, 10, 15, 20, 25, 28] as const
const SAMPLES = 200

type Scenario = 'steady' | 'growing' | 'spike' | 'new_sims'
const SCENARIOS: Record<Scenario, (day: number, random: () => number) => number> = {
  steady: () => 1500,
  /** 3 % more each day (a fleet coming online). */
  growing: (day) => 1000 * 1.03 ** (day - 1),
  /** A day at 8x (a device stuck in a retry loop), on a random day. */
  spike: () => 1500,
  /** Twice the SIMs from the 15th on. */
  new_sims: (day) => (day >= 15 ? 3000 : 1500),
}

/** mulberry32: a small seeded generator, so the backtest is the same on every machine. */
function seeded(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function month(scenario: Scenario, random: () => number): DailyAmount[] {
  const spikeDay = 1 + Math.floor(random() * DAYS)
  return Array.from({ length: DAYS }, (_, i) => {
    const day = i + 1
    const base = SCENARIOS[scenario](day, random) * (scenario === 'spike' && day === spikeDay ? 8 : 1)
    // ±15 % noise per day.
    const amount = Math.round(base * (0.85 + 0.3 * random()))
    return { date: `${MONTH}-${String(day).padStart(2, '0')}` as PlainDate, amount }
  })
}

/**
 * A candidate measured beside the bot's method: the same spike-clipped days, with a least-squares
 * trend over the last 14 continued to the month's end (not used by the bot unless it wins).
 */
function trendForecast(soFar: number, days: readonly DailyAmount[]): number {
  const recent = days.slice(-14).map((d) => d.amount)
  if (recent.length < 10) return forecastMonthEnd(MONTH, soFar, days).total
  const sorted = [...recent].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0
  const y = recent.map((a) => (median > 0 && a >= 2 * median ? median : a))
  const n = y.length
  const xMean = (n - 1) / 2
  const yMean = y.reduce((a, b) => a + b, 0) / n
  let num = 0
  let den = 0
  for (let i = 0; i < n; i++) {
    num += (i - xMean) * ((y[i] ?? 0) - yMean)
    den += (i - xMean) ** 2
  }
  const slope = den > 0 ? num / den : 0
  const last = yMean + slope * (n - 1 - xMean)
  const remaining = DAYS - days.length
  let total = soFar
  for (let j = 1; j <= remaining; j++) total += Math.max(0, last + slope * j)
  return total
}

export interface ForecastBacktest {
  samplesPerScenario: number
  /** Mean absolute error in % of the true total, by scenario and day of month (figures through that day). */
  errorByDay: Record<Scenario, Record<number, { bot: number; naive: number; trend: number }>>
  /** All scenarios together. */
  overall: Record<number, { bot: number; naive: number; trend: number }>
  chartMs: { p50: number; max: number }
}

export async function forecastBacktest(): Promise<ForecastBacktest> {
  const random = seeded(20261203)
  const errorByDay = {} as ForecastBacktest['errorByDay']
  const overallSum: Record<number, { bot: number; naive: number; trend: number; n: number }> = {}
  for (const scenario of Object.keys(SCENARIOS) as Scenario[]) {
    const sums: Record<number, { bot: number; naive: number; trend: number }> = {}
    for (let s = 0; s < SAMPLES; s++) {
      const days = month(scenario, random)
      const total = FIXED + days.reduce((a, d) => a + d.amount, 0)
      for (const through of CHECKPOINTS) {
        const seen = days.slice(0, through)
        const soFar = FIXED + seen.reduce((a, d) => a + d.amount, 0)
        const bot = forecastMonthEnd(MONTH, soFar, seen).total
        const naive = FIXED + ((soFar - FIXED) / through) * DAYS
        const trend = trendForecast(soFar, seen)
        sums[through] ??= { bot: 0, naive: 0, trend: 0 }
        const entry = sums[through]
        entry.bot += Math.abs(bot - total) / total
        entry.naive += Math.abs(naive - total) / total
        entry.trend += Math.abs(trend - total) / total
        overallSum[through] ??= { bot: 0, naive: 0, trend: 0, n: 0 }
        const all = overallSum[through]
        all.bot += Math.abs(bot - total) / total
        all.naive += Math.abs(naive - total) / total
        all.trend += Math.abs(trend - total) / total
        all.n += 1
      }
    }
    errorByDay[scenario] = Object.fromEntries(
      Object.entries(sums).map(([d, e]) => [
        d,
        { bot: pct(e.bot / SAMPLES), naive: pct(e.naive / SAMPLES), trend: pct(e.trend / SAMPLES) },
      ]),
    )
  }
  const overall = Object.fromEntries(
    Object.entries(overallSum).map(([d, e]) => [
      d,
      { bot: pct(e.bot / e.n), naive: pct(e.naive / e.n), trend: pct(e.trend / e.n) },
    ]),
  )
  return { samplesPerScenario: SAMPLES, errorByDay, overall, chartMs: await chartTiming() }
}

const pct = (x: number) => Math.round(x * 1000) / 10

/** How long one chart takes to draw (SVG and PNG), the first included. */
async function chartTiming(): Promise<{ p50: number; max: number }> {
  const days = month('growing', seeded(7)).slice(0, 20)
  const forecast = forecastMonthEnd(MONTH, FIXED + days.reduce((a, d) => a + d.amount, 0), days)
  const times: number[] = []
  for (let i = 0; i < 9; i++) {
    const start = performance.now()
    await spendChartPng({
      operatorId: 'OP0123456789',
      currency: 'JPY',
      months: Array.from({ length: 12 }, (_, m) => ({
        month: `2026-${String(m + 1).padStart(2, '0')}` as YearMonth,
        amount: 40_000 + m * 1000,
        closed: m < 10,
      })),
      running: { month: MONTH, days, forecast, budget: 60_000 },
    })
    times.push(performance.now() - start)
  }
  const sorted = [...times].sort((a, b) => a - b)
  return { p50: Math.round(sorted[4] ?? 0), max: Math.round(sorted.at(-1) ?? 0) }
}
