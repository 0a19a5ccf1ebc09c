import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addDays,
  addMonths,
  dayOfWeek,
  lastDayOf,
  type PlainDate,
  tokyoDate,
  tokyoNineAm,
  type YearMonth,
} from '../../src/domain/plain-date.js'

/** Japan has kept UTC+9 without summer time since 1951: the reference shifts by 9 hours. */
const japanDateOf = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10)

describe('Japan time with dayjs (UTC + 9 h, no time-zone database)', () => {
  it('gives the date in Japan for any instant from 1970 to 2100, whatever the server zone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        expect(tokyoDate(new Date(ms))).toBe(japanDateOf(ms))
      }),
      { numRuns: 2000 },
    )
  })

  it('makes 09:00 JST of any day from 1970 to 2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 47_481 }), (n) => {
        const day = new Date(n * 86_400_000).toISOString().slice(0, 10) as PlainDate
        expect(tokyoNineAm(day).toISOString()).toBe(`${day}T00:00:00.000Z`)
      }),
      { numRuns: 2000 },
    )
  })

  it('does calendar arithmetic on plain dates: days, weekdays, months, month ends and leap years', () => {
    expect(addDays('2027-12-31' as PlainDate, 1)).toBe('2028-01-01')
    expect(addDays('2028-03-01' as PlainDate, -1)).toBe('2028-02-29')
    expect(dayOfWeek('2027-05-11' as PlainDate)).toBe(2)
    expect(addMonths('2027-11' as YearMonth, 2)).toBe('2028-01')
    expect(addMonths('2027-01' as YearMonth, -2)).toBe('2026-11')
    expect(lastDayOf('2100-02' as YearMonth)).toBe('2100-02-28')
    expect(lastDayOf('2000-02' as YearMonth)).toBe('2000-02-29')
  })

  it('agrees with plain UTC date arithmetic for any day and offset', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 47_000 }), fc.integer({ min: -400, max: 400 }), (n, k) => {
        const day = new Date(n * 86_400_000).toISOString().slice(0, 10) as PlainDate
        expect(addDays(day, k)).toBe(new Date((n + k) * 86_400_000).toISOString().slice(0, 10))
        expect(dayOfWeek(day)).toBe(new Date(n * 86_400_000).getUTCDay())
      }),
      { numRuns: 1000 },
    )
  })
})
