import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatJpDate, formatJstDateTime } from '../../src/render/time.js'

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土']

/** Japan has kept UTC+9 without summer time since 1951: the reference shifts by 9 hours. */
function reference(instant: Date): string {
  const t = new Date(instant.getTime() + 9 * 3_600_000)
  const minute = String(t.getUTCMinutes()).padStart(2, '0')
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日(${WEEKDAYS[t.getUTCDay()]}) ${t.getUTCHours()}:${minute}`
}

describe('formatJstDateTime', () => {
  it('writes Japan time with the weekday and an unpadded hour, whatever the server zone', () => {
    expect(formatJstDateTime('2026-11-26T00:05:00Z')).toBe('2026年11月26日(木) 9:05')
    expect(formatJstDateTime(new Date('2026-12-31T15:00:00Z'))).toBe('2027年1月1日(金) 0:00')
    expect(formatJstDateTime('2027-05-10T14:59:00Z')).toBe('2027年5月10日(月) 23:59')
  })

  it('agrees with UTC+9 for any instant from 1970 to 2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        const instant = new Date(ms)
        expect(formatJstDateTime(instant)).toBe(reference(instant))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('formatJpDate', () => {
  it('writes a plain date with its weekday', () => {
    expect(formatJpDate('2027-05-11')).toBe('2027年5月11日(火)')
  })
})
