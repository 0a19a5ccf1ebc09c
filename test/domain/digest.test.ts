import { describe, expect, it } from 'vitest'
import { digestPeriodDue, firstBusinessDayOfWeek } from '../../src/domain/digest.js'
import type { PlainDate } from '../../src/domain/plain-date.js'

const at = (iso: string) => new Date(iso)

describe('digestPeriodDue', () => {
  it('weekly: the week’s first bank business day from 09:00 Tokyo time, named by its Monday', () => {
    expect(digestPeriodDue('weekly', at('2026-11-30T09:00:00+09:00'))).toBe('2026-11-30')
    expect(digestPeriodDue('weekly', at('2026-11-30T08:59:00+09:00'))).toBeUndefined()
    expect(digestPeriodDue('weekly', at('2026-12-01T09:30:00+09:00'))).toBeUndefined()
  })

  it('weekly: a Monday holiday moves it to Tuesday (Respect for the Aged Day, 21 Sep 2026)', () => {
    expect(firstBusinessDayOfWeek('2026-09-24' as PlainDate)).toBe('2026-09-24')
    // 21, 22 and 23 Sep 2026 are holidays (シルバーウィーク): Thursday is the week's first business day.
    expect(digestPeriodDue('weekly', at('2026-09-24T10:00:00+09:00'))).toBe('2026-09-21')
    expect(digestPeriodDue('weekly', at('2026-09-21T10:00:00+09:00'))).toBeUndefined()
  })

  it('monthly: the month’s first bank business day (after the New Year closure in January)', () => {
    expect(digestPeriodDue('monthly', at('2026-12-01T09:00:00+09:00'))).toBe('2026-12')
    expect(digestPeriodDue('monthly', at('2027-01-01T10:00:00+09:00'))).toBeUndefined()
    expect(digestPeriodDue('monthly', at('2027-01-04T10:00:00+09:00'))).toBe('2027-01')
  })

  it('is the same whatever the server’s zone: 00:30 UTC is 09:30 in Tokyo', () => {
    expect(digestPeriodDue('monthly', at('2026-12-01T00:30:00Z'))).toBe('2026-12')
  })
})
