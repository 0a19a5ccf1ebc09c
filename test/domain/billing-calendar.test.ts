import holidayJp from '@holiday-jp/holiday_jp'
import { describe, expect, it } from 'vitest'
import {
  addBusinessDays,
  billingDatesFor,
  businessDaysUntil,
  isBusinessDay,
  lastBusinessDayOnOrBefore,
} from '../../src/domain/billing-calendar.js'
import {
  type PlainDate,
  parsePlainDate,
  parseYearMonth,
  tokyoDate,
  tokyoNineAm,
  type YearMonth,
} from '../../src/domain/plain-date.js'
import { npInvoiceMailSubject } from '../../src/render/labels.js'
import { parseProblemText } from '../../src/render/problems.js'

const d = (s: string) => s as PlainDate
const m = (s: string) => s as YearMonth

describe('billingDatesFor (§4.1.2, §4.3)', () => {
  it('matches the public example: usage month 2027-04 across Golden Week', () => {
    expect(billingDatesFor(m('2027-04'))).toEqual({
      usageMonth: '2027-04',
      closingDate: '2027-04-30',
      amountFinal: '2027-05-07',
      invoiceIssued: '2027-05-11',
      paymentDue: '2027-05-31',
    })
  })

  it.each([
    // [usage month, amount final, invoice issued, payment due, why this month]
    ['2026-12', '2027-01-05', '2027-01-07', '2027-01-31', 'New Year: 1 Jan 2027 is a Friday holiday'],
    [
      '2028-12',
      '2029-01-05',
      '2029-01-10',
      '2029-01-31',
      'New Year (domain.md): 1 Jan holiday, 2–3 Jan banks closed, 8 Jan 成人の日',
    ],
    [
      '2026-04',
      '2026-05-07',
      '2026-05-11',
      '2026-05-31',
      'Golden Week 2026 with the 6 May substitute holiday',
    ],
    [
      '2028-04',
      '2028-05-02',
      '2028-05-09',
      '2028-05-31',
      'Golden Week 2028 falls between the 2nd and 4th business day',
    ],
    ['2028-10', '2028-11-02', '2028-11-07', '2028-11-30', '3 Nov 2028 (Culture Day) is a Friday'],
    ['2027-09', '2027-10-04', '2027-10-06', '2027-10-31', 'October 2027 starts on a Friday'],
    ['2026-08', '2026-09-02', '2026-09-04', '2026-09-30', 'September 2026, before the Silver Week holidays'],
    ['2026-01', '2026-02-03', '2026-02-05', '2026-02-28', 'the due date, 28 Feb 2026, is a Saturday'],
    [
      '2027-12',
      '2028-01-05',
      '2028-01-07',
      '2028-01-31',
      '1 Jan 2028 is a Saturday; banks close on Monday 3 Jan',
    ],
  ])('usage month %s → %s, %s, %s (%s)', (usage, amountFinal, invoiceIssued, paymentDue) => {
    expect(billingDatesFor(m(usage))).toMatchObject({ amountFinal, invoiceIssued, paymentDue })
  })

  it('keeps the due date on the last calendar day even when it falls on a weekend (発行月末日)', () => {
    expect(billingDatesFor(m('2027-05')).paymentDue).toBe('2027-06-30')
    expect(billingDatesFor(m('2026-09')).paymentDue).toBe('2026-10-31')
  })

  it('is right for every month of 2026–2030 against an independent bank-business-day count (New Year closure included)', () => {
    // Independent of isBusinessDay: the weekday from Date.UTC, holidays straight from the table,
    // and the banks' 31 Dec / 2 Jan / 3 Jan closure written out here.
    const holidays = new Set(
      holidayJp.between(new Date(2026, 0, 1), new Date(2031, 11, 31)).map((h) => {
        const date = h.date
        return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`
      }),
    )
    const bankDay = (y: number, mo: number, day: number) => {
      const iso = `${y}-${String(mo).padStart(2, '0')}-${String(day).padStart(2, '0')}`
      const weekday = new Date(Date.UTC(y, mo - 1, day)).getUTCDay()
      const closed = (mo === 12 && day === 31) || (mo === 1 && (day === 2 || day === 3))
      return weekday !== 0 && weekday !== 6 && !holidays.has(iso) && !closed ? iso : undefined
    }
    for (let year = 2026; year <= 2030; year++) {
      for (let month = 1; month <= 12; month++) {
        const usage = m(`${year}-${String(month).padStart(2, '0')}`)
        const dates = billingDatesFor(usage)
        const ny = month === 12 ? year + 1 : year
        const nm = month === 12 ? 1 : month + 1
        const days = new Date(Date.UTC(ny, nm, 0)).getUTCDate()
        const businessDays = Array.from({ length: days }, (_, i) => bankDay(ny, nm, i + 1)).filter(Boolean)
        const lastDay = `${ny}-${String(nm).padStart(2, '0')}-${String(days).padStart(2, '0')}`
        expect(dates.amountFinal, `${usage} amount final`).toBe(businessDays[1])
        expect(dates.invoiceIssued, `${usage} invoice`).toBe(businessDays[3])
        expect(dates.paymentDue, `${usage} due`).toBe(lastDay)
        expect(lastBusinessDayOnOrBefore(dates.paymentDue), `${usage} pay by`).toBe(businessDays.at(-1))
      }
    }
  })

  it('moves the pay-by day of November 2029 usage to Friday 28 December: 31 December is a bank holiday (domain.md)', () => {
    expect(billingDatesFor(m('2029-11')).paymentDue).toBe('2029-12-31')
    expect(lastBusinessDayOnOrBefore(d('2029-12-31'))).toBe('2029-12-28')
  })
})

describe('businessDaysUntil ("あと N 営業日")', () => {
  it('counts 2, not 3, from Wednesday 27 Jan 2027 to a Sunday due date, 31 Jan', () => {
    expect(businessDaysUntil(d('2027-01-27'), d('2027-01-31'))).toBe(2)
  })

  it('counts nothing over the New Year closure: 30 Dec 2027 (Thu) to 4 Jan 2028 (Tue) is 1', () => {
    expect(businessDaysUntil(d('2027-12-30'), d('2028-01-04'))).toBe(1)
  })
})

describe('isBusinessDay', () => {
  it.each([
    ['2027-05-03', false, 'Constitution Day'],
    ['2027-05-06', true, 'the Thursday after Golden Week'],
    ['2028-01-10', false, 'Coming of Age Day, a Monday holiday'],
    ['2026-09-22', false, 'the Silver Week bridge holiday'],
    ['2026-11-28', false, 'a Saturday'],
    ['2026-11-29', false, 'a Sunday'],
    ['2026-11-27', true, 'an ordinary Friday'],
  ])('%s is a business day: %s (%s)', (date, expected) => {
    expect(isBusinessDay(d(date))).toBe(expected)
  })
})

describe('addBusinessDays', () => {
  it('skips a weekend and a Monday holiday', () => {
    expect(addBusinessDays(d('2028-01-07'), 1)).toBe('2028-01-11')
  })

  it('skips Golden Week going forward three business days', () => {
    expect(addBusinessDays(d('2027-04-30'), 3)).toBe('2027-05-10')
  })

  it('goes backwards over a weekend', () => {
    expect(addBusinessDays(d('2027-05-31'), -3)).toBe('2027-05-26')
  })
})

describe('npInvoiceMailSubject (§3.4.1)', () => {
  it('names the last day of the usage month as 締日, zero-padded', () => {
    expect(npInvoiceMailSubject(m('2027-04'))).toBe(
      '【NP 掛け払い】請求書送付のご案内(株式会社ソラコム ご利用分 締日：2027年04月30日)',
    )
  })

  it('uses 29 February in a leap year', () => {
    expect(npInvoiceMailSubject(m('2028-02'))).toContain('締日：2028年02月29日')
  })
})

describe('Japan time, whatever the server zone', () => {
  it('takes the Tokyo date of an instant late in the UTC day', () => {
    expect(tokyoDate(new Date('2027-04-30T15:30:00Z'))).toBe('2027-05-01')
  })

  it('makes 09:00 JST on a given day', () => {
    expect(tokyoNineAm(d('2027-05-11')).toISOString()).toBe('2027-05-11T00:00:00.000Z')
  })
})

describe('parseYearMonth', () => {
  it.each(['2027-04', '2027/4', '2027年4月', '２０２７－０４', ' 2027.04 '])(
    'reads %s as 2027-04',
    (input) => {
      expect(parseYearMonth(input)).toEqual({ ok: true, value: '2027-04' })
    },
  )

  it.each(['2027-13', '2027-00', '27-04', 'April 2027', ''])(
    'rejects %s, showing the expected shape',
    (input) => {
      const result = parseYearMonth(input)
      expect(!result.ok && parseProblemText(result.problem)).toContain('YYYY-MM')
    },
  )
})

describe('parsePlainDate', () => {
  it('accepts a real date', () => {
    expect(parsePlainDate('2028-02-29')).toEqual({ ok: true, value: '2028-02-29' })
  })

  it('rejects a date that does not exist', () => {
    expect(parsePlainDate('2027-02-29').ok).toBe(false)
  })
})
