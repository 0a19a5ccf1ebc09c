import { describe, expect, it } from 'vitest'
import { planCalendarReminders } from '../../src/domain/calendar-subscription.js'
import { directDebitFollowUps, directDebitInvoiceDueDates } from '../../src/domain/direct-debit.js'
import type { PlainDate } from '../../src/domain/plain-date.js'
import { createReminder, nextReminderAction, type Reminder } from '../../src/domain/reminder.js'

const d = (s: string) => s as PlainDate

describe('planCalendarReminders: a year of monthly reminders', () => {
  const year = planCalendarReminders('C1', d('2027-01-01'), d('2027-12-31'))

  it('has four reminders for each of the twelve usage months whose events fall in the year', () => {
    expect(year).toHaveLength(48)
    expect(new Set(year.map((p) => p.key)).size).toBe(48)
  })

  it('puts January after New Year: amounts final 5 Jan, invoice 7 Jan, due on Friday 29 Jan (31 Jan is a Sunday)', () => {
    const december = year.filter((p) => p.usageMonth === '2026-12').map((p) => [p.kind, p.date])
    expect(december).toEqual([
      ['calendar_amount_final', '2027-01-05'],
      ['calendar_invoice_issued', '2027-01-07'],
      ['calendar_due_soon', '2027-01-27'],
      ['calendar_due', '2027-01-29'],
    ])
  })

  it('puts May after Golden Week: amounts final 7 May, invoice 11 May, due 31 May', () => {
    const april = year.filter((p) => p.usageMonth === '2027-04').map((p) => [p.kind, p.date])
    expect(april).toEqual([
      ['calendar_amount_final', '2027-05-07'],
      ['calendar_invoice_issued', '2027-05-11'],
      ['calendar_due_soon', '2027-05-26'],
      ['calendar_due', '2027-05-31'],
    ])
  })

  it('skips the September holidays (20 and 23 Sep 2027) counting back from the due date', () => {
    const august = year.filter((p) => p.usageMonth === '2027-08').map((p) => [p.kind, p.date])
    expect(august).toEqual([
      ['calendar_amount_final', '2027-09-02'],
      ['calendar_invoice_issued', '2027-09-06'],
      ['calendar_due_soon', '2027-09-27'],
      ['calendar_due', '2027-09-30'],
    ])
  })

  it('only plans business days', () => {
    for (const plan of year) {
      const dow = new Date(`${plan.date}T00:00:00Z`).getUTCDay()
      expect([0, 6]).not.toContain(dow)
    }
  })

  it('starts from the next event when subscribing mid-month', () => {
    const plans = planCalendarReminders('C1', d('2027-05-08'), d('2027-06-10'))
    expect(plans.map((p) => [p.kind, p.date])).toEqual([
      ['calendar_invoice_issued', '2027-05-11'],
      ['calendar_due_soon', '2027-05-26'],
      ['calendar_due', '2027-05-31'],
      ['calendar_amount_final', '2027-06-02'],
      ['calendar_invoice_issued', '2027-06-04'],
    ])
  })

  it('keys reminders by channel and month, so re-planning finds the same ones', () => {
    const again = planCalendarReminders('C1', d('2027-03-01'), d('2027-03-31'))
    expect(again.every((p) => year.some((y) => y.key === p.key))).toBe(true)
  })
})

describe('direct-debit follow-ups (§3.5.1)', () => {
  it('asks about the form 5 business days after the request is marked sent, across Golden Week (§3.5.1 steps 4–5; domain.md)', () => {
    expect(directDebitFollowUps('T1', 'sent', d('2027-04-30'))).toEqual([
      { kind: 'direct_debit_form_arrival', key: 'dd:T1:form_arrival', date: '2027-05-12' },
    ])
  })

  it('asks whether the form went back a week after it arrived', () => {
    expect(directDebitFollowUps('T1', 'form_received', d('2027-05-10'))[0]?.date).toBe('2027-05-17')
  })

  it('expects the result about two months after the form went back, on a business day', () => {
    expect(directDebitFollowUps('T1', 'form_returned', d('2027-05-17'))[0]?.date).toBe('2027-07-20')
  })

  it('clamps "two months later" to the end of a shorter month', () => {
    expect(directDebitFollowUps('T1', 'form_returned', d('2026-12-31'))[0]?.date).toBe('2027-03-01')
  })

  it('plans nothing after debit has started', () => {
    expect(directDebitFollowUps('T1', 'switched', d('2027-05-17'))).toEqual([])
  })

  it('reminds of each invoice due date until the switch, on the last business day when it is a holiday', () => {
    expect(directDebitInvoiceDueDates('T1', d('2026-12-10'), d('2027-02-28')).map((p) => p.date)).toEqual([
      '2026-12-30', // 31 Dec is a bank holiday (domain.md, decided 2026-11)
      '2027-01-29',
      '2027-02-26',
    ])
  })
})

describe('nextReminderAction', () => {
  const now = new Date('2026-11-26T10:00:00+09:00')
  const at = (date: string, state: Reminder['state'] = 'pending'): Reminder => ({
    ...createReminder(
      {
        kind: 'calendar_due',
        key: 'k',
        owner: 'U',
        channel: 'C',
        dueDate: date,
        dueAt: new Date(`${date}T09:00:00+09:00`).toISOString(),
        text: 't',
      },
      { id: 'R', now },
    ),
    state,
  })

  it('schedules a reminder 120 days ahead', () => {
    expect(nextReminderAction(at('2027-03-26'), now)).toBe('schedule')
  })

  it('waits with a reminder 121 days ahead', () => {
    expect(nextReminderAction(at('2027-03-27'), now)).toBe('wait')
  })

  it('posts at once a pending reminder whose time has passed', () => {
    expect(nextReminderAction(at('2026-11-26'), now)).toBe('post_now')
  })

  it('marks a scheduled reminder sent once its time has passed', () => {
    expect(nextReminderAction(at('2026-11-26', 'scheduled'), now)).toBe('mark_sent')
  })

  it('leaves cancelled and sent reminders alone', () => {
    expect(nextReminderAction(at('2027-01-01', 'cancelled'), now)).toBe('none')
    expect(nextReminderAction(at('2026-11-01', 'sent'), now)).toBe('none')
  })
})

describe('calendar reminders fit how the channel pays (domain.md, decided 2026-11)', () => {
  it('gives card payers only the amount-final day: no invoice, no due dates (§4.1.1, §5.4)', () => {
    const kinds = new Set(
      planCalendarReminders('C1', d('2027-01-01'), d('2027-12-31'), 'card').map((p) => p.kind),
    )
    expect([...kinds]).toEqual(['calendar_amount_final'])
  })

  it.each(['invoice', 'direct_debit', 'konbini'] as const)(
    'gives %s payers all four reminders a month',
    (method) => {
      const plans = planCalendarReminders('C1', d('2027-01-01'), d('2027-12-31'), method)
      expect(new Set(plans.map((p) => p.kind)).size).toBe(4)
    },
  )
})
