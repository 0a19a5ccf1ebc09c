import { billingDatesFor, businessDaysUntil, lastBusinessDayOnOrBefore } from '../domain/billing-calendar.js'
import {
  type CalendarPaymentMethod,
  type CalendarReminderPlan,
  type CalendarSubscription,
  calendarWindow,
  planCalendarReminders,
} from '../domain/calendar-subscription.js'
import type { Checklist } from '../domain/checklist.js'
import {
  type DirectDebitMilestone,
  directDebitFollowUps,
  directDebitInvoiceDueDates,
  type FollowUpPlan,
} from '../domain/direct-debit.js'
import { lastDayOf, type PlainDate, tokyoDate, tokyoNineAm, yearMonthOf } from '../domain/plain-date.js'
import { createReminder, type NewReminder, type Reminder } from '../domain/reminder.js'
import { hasMilestone, type Ticket } from '../domain/ticket.js'
import { NP_SUPPORT_DESK } from '../render/contacts.js'
import { npInvoiceMailSubject, usageMonthLabel } from '../render/labels.js'
import type { AppDeps } from './deps.js'

/**
 * The reminders every use case shares: which exist for a subscription, a ticket or a checklist,
 * adding them without duplicates, and withdrawing moot ones. Stored first (the source of truth),
 * then handed to Slack through the ReminderScheduler port.
 */

/** Which reminders a ticket's milestone makes moot (§3.5.1): the questions it answers. */
const MOOT_AFTER: Record<DirectDebitMilestone, string[]> = {
  sent: [],
  form_received: ['form_arrival'],
  form_returned: ['form_arrival', 'form_return'],
  switched: ['form_arrival', 'form_return', 'result_due', 'due:'],
}

const today = (deps: Pick<AppDeps, 'clock'>): PlainDate => tokyoDate(deps.clock.now())

/** Active reminders matching the predicate, soonest first. */
export async function pendingReminders(
  deps: Pick<AppDeps, 'reminders'>,
  predicate: (r: Reminder) => boolean,
) {
  return (await deps.reminders.active()).filter(predicate).sort((a, b) => a.dueAt.localeCompare(b.dueAt))
}

/**
 * Stores reminders that do not exist yet (an active one with the same key is kept; one withdrawn
 * because progress made it moot is revived; one a person cancelled never comes back), then hands
 * the new ones to Slack unless `handOver` is false. Reminders whose time has passed are skipped.
 */
export async function addReminders(
  deps: Pick<AppDeps, 'clock' | 'newId' | 'reminders' | 'scheduler'>,
  wanted: NewReminder[],
  options: { handOver?: boolean } = {},
): Promise<Reminder[]> {
  const now = deps.clock.now()
  const result: Reminder[] = []
  const fresh: Reminder[] = []
  for (const fields of wanted) {
    if (Date.parse(fields.dueAt) <= now.getTime()) continue
    const existing = await deps.reminders.findByKey(fields.key)
    if (existing?.cancelledByUser) continue
    if (existing && existing.state !== 'cancelled') {
      result.push(existing)
      continue
    }
    const reminder: Reminder = existing
      ? { ...existing, ...fields, state: 'pending', updatedAt: now.toISOString() }
      : createReminder(fields, { id: deps.newId(), now })
    result.push(reminder)
    fresh.push(reminder)
  }
  if (fresh.length > 0) {
    await deps.reminders.save(fresh)
    if (options.handOver !== false) await deps.scheduler.deliver(fresh)
  }
  return Promise.all(result.map(async (r) => (await deps.reminders.get(r.id)) ?? r))
}

/** Withdraws active reminders matching the predicate; returns how many. */
export async function withdrawReminders(
  deps: Pick<AppDeps, 'reminders' | 'scheduler'>,
  predicate: (r: Reminder) => boolean,
  options: { byUser?: boolean } = {},
): Promise<number> {
  const moot = (await deps.reminders.active()).filter(predicate)
  await deps.scheduler.withdraw(moot, options)
  return moot.length
}

/** A subscription's calendar reminders up to the rolling window's end (§4.1–§4.3). */
export async function extendCalendar(
  deps: Pick<AppDeps, 'clock' | 'links' | 'newId' | 'reminders' | 'renderer' | 'scheduler'>,
  subscription: CalendarSubscription,
  options: { handOver?: boolean } = {},
): Promise<void> {
  const { from, until } = calendarWindow(today(deps))
  const paymentMethod = subscription.paymentMethod ?? 'invoice'
  // A channel where a linked operator's checks announce the final amount gets no date-based one.
  const announced = (await deps.links.list()).some((l) => l.alertChannel === subscription.channel)
  const plans = planCalendarReminders(subscription.channel, from, until, paymentMethod).filter(
    (plan) => !(announced && plan.kind === 'calendar_amount_final'),
  )
  const wanted = plans.map(
    (plan): NewReminder => ({
      kind: plan.kind,
      key: plan.key,
      owner: subscription.subscribedBy,
      channel: subscription.channel,
      dueDate: plan.date,
      dueAt: tokyoNineAm(plan.date).toISOString(),
      subscriptionId: subscription.id,
      text: calendarReminderText(deps.renderer, plan, paymentMethod),
    }),
  )
  await addReminders(deps, wanted, options)
}

/** The text of one calendar reminder, for the way the channel pays (domain.md, decided 2026-11). */
export function calendarReminderText(
  renderer: AppDeps['renderer'],
  plan: CalendarReminderPlan,
  paymentMethod: CalendarPaymentMethod,
): string {
  const dates = billingDatesFor(plan.usageMonth)
  return renderer.guidance(`reminder-${plan.kind.replace(/_/g, '-')}`, {
    usageMonthLabel: usageMonthLabel(plan.usageMonth),
    invoiceIssued: dates.invoiceIssued,
    paymentDue: dates.paymentDue,
    npMailSubject: npInvoiceMailSubject(plan.usageMonth),
    dueToday: plan.date === dates.paymentDue,
    daysLeft: businessDaysUntil(plan.date, dates.paymentDue),
    paymentMethod,
    np: NP_SUPPORT_DESK,
  })
}

/** After a direct-debit milestone: withdraw what it answers, schedule what comes next. */
export async function followDirectDebit(
  deps: Pick<AppDeps, 'clock' | 'newId' | 'reminders' | 'renderer' | 'scheduler' | 'subscriptions'>,
  ticket: Ticket,
  milestone: DirectDebitMilestone,
): Promise<void> {
  const prefix = `dd:${ticket.id}:`
  const moot = MOOT_AFTER[milestone]
  await withdrawReminders(
    deps,
    (r) => r.key.startsWith(prefix) && moot.some((m) => r.key.slice(prefix.length).startsWith(m)),
  )
  const plans = directDebitFollowUps(ticket.id, milestone, today(deps))
  if (milestone === 'sent' && !(await calendarCoversDueDates(deps, ticket)))
    plans.push(...directDebitInvoiceDueDates(ticket.id, today(deps), calendarWindow(today(deps)).until))
  await addReminders(
    deps,
    plans.map((plan) => directDebitReminder(deps, ticket, plan)),
  )
}

/**
 * A channel subscribed to the billing calendar (any way of paying but card) already hears of every
 * due date: the direct-debit ticket's own due-date reminders would say it twice (domain.md).
 */
async function calendarCoversDueDates(
  deps: Pick<AppDeps, 'subscriptions'>,
  ticket: Ticket,
): Promise<boolean> {
  const subscription = await deps.subscriptions.activeIn(ticket.message?.channel ?? ticket.channel)
  return subscription !== undefined && (subscription.paymentMethod ?? 'invoice') !== 'card'
}

function directDebitReminder(
  deps: Pick<AppDeps, 'renderer'>,
  ticket: Ticket,
  plan: FollowUpPlan,
): NewReminder {
  return {
    kind: plan.kind,
    key: plan.key,
    owner: ticket.requester,
    channel: ticket.message?.channel ?? ticket.channel,
    dueDate: plan.date,
    dueAt: tokyoNineAm(plan.date).toISOString(),
    ticketId: ticket.id,
    text: deps.renderer.guidance(`reminder-${plan.kind.replace(/_/g, '-')}`, {
      operatorId: ticket.operatorId,
      np: NP_SUPPORT_DESK,
      // The due date is the month's last day; the reminder comes on the last business day before it.
      paymentDue: plan.month ? lastDayOf(plan.month) : plan.date,
      payBy: plan.date,
    }),
  }
}

/** The final invoice of an account being deleted: its issue and due dates (§6.4.1). */
export async function followDeletion(
  deps: Pick<AppDeps, 'clock' | 'newId' | 'reminders' | 'renderer' | 'scheduler'>,
  checklist: Checklist,
): Promise<void> {
  const cancelDate = checklist.cancelDate as PlainDate | undefined
  if (checklist.kind !== 'account_deletion' || !cancelDate) return
  // A card payer gets no invoice: no invoice or due-date reminders (§4.1.1).
  if (checklist.deletionPaymentMethod === 'card') return
  // Paid already (ticked while this was on its way): the reminders would be moot.
  if (checklist.items.find((i) => i.key === 'payments_complete')?.ticked) return
  const usageMonth = yearMonthOf(cancelDate)
  const dates = billingDatesFor(usageMonth)
  const model = {
    operatorId: checklist.operatorIds[0] ?? '',
    usageMonthLabel: usageMonthLabel(usageMonth),
    npMailSubject: npInvoiceMailSubject(usageMonth),
    paymentDue: dates.paymentDue,
    payBy: lastBusinessDayOnOrBefore(dates.paymentDue),
  }
  const reminder = (
    kind: 'deletion_invoice_issued' | 'deletion_payment_due',
    date: PlainDate,
  ): NewReminder => ({
    kind,
    key: `deletion:${checklist.id}:${kind}`,
    owner: checklist.requester,
    channel: checklist.message?.channel ?? checklist.channel,
    dueDate: date,
    dueAt: tokyoNineAm(date).toISOString(),
    checklistId: checklist.id,
    text: deps.renderer.guidance(`reminder-${kind.replace(/_/g, '-')}`, model),
  })
  await addReminders(deps, [
    reminder('deletion_invoice_issued', dates.invoiceIssued),
    reminder('deletion_payment_due', model.payBy),
  ])
}

/**
 * Extends every rolling window — calendar subscriptions, and the invoice due dates of direct-debit
 * tickets sent but not yet switched — storing only: the delivery sweep hands them over within
 * Slack's limits.
 */
export async function extendReminderWindows(
  deps: Pick<
    AppDeps,
    'clock' | 'links' | 'newId' | 'reminders' | 'renderer' | 'scheduler' | 'subscriptions' | 'tickets'
  >,
): Promise<void> {
  for (const subscription of await deps.subscriptions.active()) {
    await extendCalendar(deps, subscription, { handOver: false })
  }
  const until = calendarWindow(today(deps)).until
  // One save a ticket, on purpose: measured twice (2026-11-26, BENCH_ONLY=store100k), one save for
  // all tickets let a start-up catch-up of thousands of reminders reach the hand-over at once, and
  // the 100,000-ticket view_submission p99 went from ~150 ms to 260–360 ms while it ran.
  for (const ticket of await deps.tickets.all()) {
    if (ticket.kind !== 'direct_debit' || ticket.status === 'cancelled' || ticket.status === 'resolved')
      continue
    if (!hasMilestone(ticket, 'sent') || hasMilestone(ticket, 'switched')) continue
    if (await calendarCoversDueDates(deps, ticket)) continue
    const dueDates = directDebitInvoiceDueDates(ticket.id, today(deps), until)
    await addReminders(
      deps,
      dueDates.map((p) => directDebitReminder(deps, ticket, p)),
      { handOver: false },
    )
  }
}
