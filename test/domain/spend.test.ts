import { describe, expect, it } from 'vitest'
import type { PlainDate, YearMonth } from '../../src/domain/plain-date.js'
import {
  alreadyTrue,
  type Budget,
  budgetReachedOn,
  chartMonths,
  type DailyAmount,
  findSpike,
  forecastMonthEnd,
  spendAlertsDue,
  topCosts,
} from '../../src/domain/spend.js'

const NOV = '2026-11' as YearMonth
const day = (d: number, amount: number, month = '2026-11'): DailyAmount => ({
  date: `${month}-${String(d).padStart(2, '0')}` as PlainDate,
  amount,
})
const steady = (through: number, amount: number) =>
  Array.from({ length: through }, (_, i) => day(i + 1, amount))
const budget = (amount: number, quiet?: Budget['quiet']): Budget => ({
  amount,
  currency: 'JPY',
  setBy: 'U0ADMIN',
  setAt: '2026-11-01T00:00:00.000Z',
  ...(quiet ? { quiet } : {}),
})

describe('forecastMonthEnd', () => {
  it('adds the 7-day run rate over the days left to the amount so far, counting monthly fees once', () => {
    // 10 days at 1,000 yen plus 5,000 yen charged monthly (in the amount, in no day).
    const forecast = forecastMonthEnd(NOV, 15_000, steady(10, 1000))
    expect(forecast).toMatchObject({
      soFar: 15_000,
      fixed: 5000,
      dailyRate: 1000,
      remainingDays: 20,
      rateDays: 7,
    })
    expect(forecast.total).toBe(35_000)
    expect(forecast.through).toBe('2026-11-10')
  })

  it('counts a spike in the window as a usual day, so one bad day does not inflate the month', () => {
    const days = [...steady(9, 1000), day(10, 9000)]
    expect(forecastMonthEnd(NOV, 18_000, days).dailyRate).toBe(1000)
  })

  it('never puts the amount so far below the days it is made of (the two reads are aggregated apart)', () => {
    expect(forecastMonthEnd(NOV, 3000, steady(5, 1000)).soFar).toBe(5000)
  })

  it('with no days yet forecasts the amount so far (no rate to extend)', () => {
    expect(forecastMonthEnd(NOV, 800, [])).toMatchObject({ total: 800, dailyRate: 0, remainingDays: 30 })
  })
})

describe('budgetReachedOn', () => {
  it('is the day the run rate reaches the budget, within the month', () => {
    const forecast = forecastMonthEnd(NOV, 10_000, steady(10, 1000))
    expect(budgetReachedOn(NOV, forecast, 15_000)).toBe('2026-11-15')
    expect(budgetReachedOn(NOV, forecast, 100_000)).toBeUndefined()
  })
})

describe('findSpike', () => {
  it('is a recent day at least twice the median of the 14 before it and above the floor, the month before counting', () => {
    const days = [
      ...Array.from({ length: 10 }, (_, i) => day(21 + i, 1000, '2026-10')),
      ...steady(4, 1000),
      day(5, 2500),
    ]
    expect(findSpike(NOV, days, 'JPY')).toEqual({ date: '2026-11-05', amount: 2500, usual: 1000 })
  })

  it('is no spike below the floor (a quiet account doubling from 30 to 70 yen), nor without 7 days of usual', () => {
    expect(findSpike(NOV, [...steady(10, 30), day(11, 70)], 'JPY')).toBeUndefined()
    expect(findSpike(NOV, [...steady(5, 1000), day(6, 5000)], 'JPY')).toBeUndefined()
  })

  it('is news only while recent: a spike 5 days before the newest figures is not raised now', () => {
    const days = [
      ...steady(10, 1000),
      day(11, 5000),
      ...Array.from({ length: 5 }, (_, i) => day(12 + i, 1000)),
    ]
    expect(findSpike(NOV, days, 'JPY')).toBeUndefined()
  })
})

describe('spendAlertsDue', () => {
  const facts = (soFar: number, days = steady(10, 1000)) => ({
    month: NOV,
    forecast: forecastMonthEnd(NOV, soFar, days),
    spike: undefined,
  })

  it('80 % reached, with the forecast past 100 %', () => {
    expect(spendAlertsDue(facts(16_000), budget(20_000))).toEqual(['budget_80', 'forecast_100'])
  })

  it('100 % reached: only that (the 80 % and forecast alerts are no news then)', () => {
    expect(spendAlertsDue(facts(21_000), budget(20_000))).toEqual(['budget_100'])
  })

  it('below 80 % with a forecast under budget: nothing; no budget: only a spike could be due', () => {
    expect(spendAlertsDue(facts(10_000), budget(100_000))).toEqual([])
    expect(spendAlertsDue(facts(10_000), undefined)).toEqual([])
  })

  it('stays quiet for the month the budget was set in about what was already true then', () => {
    const quiet = { month: NOV as string, kinds: alreadyTrue(facts(21_000), 20_000) }
    expect(quiet.kinds).toEqual(['budget_80', 'budget_100', 'forecast_100'])
    expect(spendAlertsDue(facts(25_000), budget(20_000, quiet))).toEqual([])
    expect(
      spendAlertsDue({ ...facts(25_000), month: '2026-12' as YearMonth }, budget(20_000, quiet)),
    ).toEqual(['budget_100'])
  })
})

describe('chart data and drivers', () => {
  it('keeps the last 12 months, oldest first, the running month last', () => {
    const bills = Array.from({ length: 14 }, (_, i) => ({
      month: `2025-${String((i % 12) + 1).padStart(2, '0')}` as YearMonth,
      amount: i,
      state: 'closed' as const,
    }))
    const months = chartMonths(bills, { month: '2026-11' as YearMonth, amount: 99 })
    expect(months).toHaveLength(12)
    expect(months.at(-1)).toEqual({ month: '2026-11', amount: 99, closed: false })
  })

  it('the top costs are the largest first, zeros left out', () => {
    expect(topCosts([{ amount: 1 }, { amount: 0 }, { amount: 5 }, { amount: 3 }], 2)).toEqual([
      { amount: 5 },
      { amount: 3 },
    ])
  })
})
