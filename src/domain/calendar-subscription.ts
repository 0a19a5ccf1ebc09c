import { z } from 'zod'
import { addBusinessDays, billingDatesFor, lastBusinessDayOnOrBefore } from './billing-calendar.js'
import { addDays, addMonths, type PlainDate, type YearMonth, yearMonthOf } from './plain-date.js'
import type { ReminderKind } from './reminder.js'

/**
 * How the channel's company pays, asked at subscription (domain.md, decided 2026-11): the
 * reminders fit it — card payers get no invoice and no due-date reminders (§4.1.1, §5.4).
 */
export const CALENDAR_PAYMENT_METHODS = ['invoice', 'direct_debit', 'konbini', 'card'] as const
export type CalendarPaymentMethod = (typeof CALENDAR_PAYMENT_METHODS)[number]

/** Which calendar reminders each way of paying gets. */
const KINDS_FOR: Record<CalendarPaymentMethod, ReadonlySet<CalendarReminderPlan['kind']>> = {
  invoice: new Set(['calendar_amount_final', 'calendar_invoice_issued', 'calendar_due_soon', 'calendar_due']),
  direct_debit: new Set([
    'calendar_amount_final',
    'calendar_invoice_issued',
    'calendar_due_soon',
    'calendar_due',
  ]),
  konbini: new Set(['calendar_amount_final', 'calendar_invoice_issued', 'calendar_due_soon', 'calendar_due']),
  card: new Set(['calendar_amount_final']),
}

/** A channel's subscription to the monthly billing calendar (`/billing calendar subscribe`). */
export const calendarSubscriptionSchema = z.object({
  id: z.string().min(1),
  channel: z.string().min(1),
  subscribedBy: z.string().min(1),
  /** Absent in subscriptions made before it was asked: those pay by invoice. */
  paymentMethod: z.enum(CALENDAR_PAYMENT_METHODS).optional(),
  createdAt: z.iso.datetime({ offset: true }),
  cancelledAt: z.iso.datetime({ offset: true }).optional(),
})

export type CalendarSubscription = z.infer<typeof calendarSubscriptionSchema>

export interface CalendarReminderPlan {
  kind: Extract<ReminderKind, `calendar_${string}`>
  key: string
  usageMonth: YearMonth
  date: PlainDate
}

/**
 * The billing calendar's reminders for one channel between two days (inclusive), for each usage
 * month: amounts final on the 2nd business day (§4.3), the invoice around the 4th (§4.1.2),
 * 3 business days before the due date, and the due date itself — on the last business day
 * before it when it falls on a weekend or holiday.
 */
export function planCalendarReminders(
  channel: string,
  from: PlainDate,
  until: PlainDate,
  paymentMethod: CalendarPaymentMethod = 'invoice',
): CalendarReminderPlan[] {
  const kinds = KINDS_FOR[paymentMethod]
  const plans: CalendarReminderPlan[] = []
  // The invoice for usage month M is due at the end of M+1: start a month back to catch it.
  for (
    let month = addMonths(yearMonthOf(from), -2);
    month <= yearMonthOf(until);
    month = addMonths(month, 1)
  ) {
    const dates = billingDatesFor(month)
    const events: Array<[CalendarReminderPlan['kind'], PlainDate]> = [
      ['calendar_amount_final', dates.amountFinal],
      ['calendar_invoice_issued', dates.invoiceIssued],
      ['calendar_due_soon', addBusinessDays(dates.paymentDue, -3)],
      ['calendar_due', lastBusinessDayOnOrBefore(dates.paymentDue)],
    ]
    for (const [kind, date] of events) {
      if (kinds.has(kind) && date >= from && date <= until) {
        plans.push({ kind, key: `calendar:${channel}:${month}:${kind}`, usageMonth: month, date })
      }
    }
  }
  return plans.sort((a, b) => a.date.localeCompare(b.date))
}

/** How far ahead calendar reminders are stored; the sweep extends the window day by day. */
export const CALENDAR_WINDOW_DAYS = 150

export function calendarWindow(today: PlainDate): { from: PlainDate; until: PlainDate } {
  return { from: today, until: addDays(today, CALENDAR_WINDOW_DAYS) }
}
