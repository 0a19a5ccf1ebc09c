import type { WebClient } from '@slack/web-api'
import {
  billingDatesFor,
  lastBusinessDayOnOrBefore,
  npInvoiceMailSubject,
} from '../domain/billing-calendar.js'
import {
  type CalendarSubscription,
  calendarWindow,
  planCalendarReminders,
  type SubscriptionRepository,
} from '../domain/calendar-subscription.js'
import type { Checklist } from '../domain/checklist.js'
import type { Clock, IdGenerator } from '../domain/clock.js'
import { NP_SUPPORT_DESK } from '../domain/contacts.js'
import {
  type DirectDebitMilestone,
  directDebitFollowUps,
  directDebitInvoiceDueDates,
  type FollowUpPlan,
} from '../domain/direct-debit.js'
import { usageMonthLabel } from '../domain/invoice-reissue.js'
import { type PlainDate, tokyoDate, tokyoNineAm, yearMonthOf } from '../domain/plain-date.js'
import {
  createReminder,
  type NewReminder,
  type Reminder,
  type ReminderRepository,
} from '../domain/reminder.js'
import { hasMilestone, type Ticket, type TicketRepository } from '../domain/ticket.js'
import type { Renderer } from '../render/templates.js'
import { type DeliveryReport, ReminderDelivery } from './delivery.js'

export interface ReminderServiceDeps {
  client: WebClient
  reminders: ReminderRepository
  subscriptions: SubscriptionRepository
  tickets: TicketRepository
  clock: Clock
  newId: IdGenerator
  renderer: Renderer
  logger?: { warn(message: string): void }
}

/** Which reminders a ticket's milestone makes moot (§3.5.1): the questions it answers. */
const MOOT_AFTER: Record<DirectDebitMilestone, string[]> = {
  sent: [],
  form_received: ['form_arrival'],
  form_returned: ['form_arrival', 'form_return'],
  switched: ['form_arrival', 'form_return', 'result_due', 'due:'],
}

/**
 * Everything about reminders above the Slack calls: which reminders exist for a subscription, a
 * ticket or a checklist, adding them without duplicates, withdrawing moot ones, and the periodic
 * sweep that extends rolling windows and hands due reminders to Slack.
 */
export class ReminderService {
  readonly delivery: ReminderDelivery

  constructor(private readonly deps: ReminderServiceDeps) {
    this.delivery = new ReminderDelivery({
      client: deps.client,
      reminders: deps.reminders,
      clock: deps.clock,
      logger: deps.logger,
    })
  }

  private today(): PlainDate {
    return tokyoDate(this.deps.clock.now())
  }

  /**
   * Stores reminders that do not exist yet (an active one with the same key is kept; a cancelled
   * one is revived), then hands the new ones to Slack. Reminders whose time has passed are skipped.
   */
  async add(wanted: NewReminder[], options: { handOver?: boolean } = {}): Promise<Reminder[]> {
    const now = this.deps.clock.now()
    const result: Reminder[] = []
    const fresh: Reminder[] = []
    for (const fields of wanted) {
      if (Date.parse(fields.dueAt) <= now.getTime()) continue
      const existing = this.deps.reminders.findReminderByKey(fields.key)
      if (existing && existing.state !== 'cancelled') {
        result.push(existing)
        continue
      }
      const reminder: Reminder = existing
        ? { ...existing, ...fields, state: 'pending', updatedAt: now.toISOString() }
        : createReminder(fields, { id: this.deps.newId(), now })
      result.push(reminder)
      fresh.push(reminder)
    }
    if (fresh.length > 0) {
      await this.deps.reminders.saveReminders(fresh)
      if (options.handOver !== false) await this.delivery.deliver(fresh)
    }
    return result.map((r) => this.deps.reminders.getReminder(r.id) ?? r)
  }

  /** Withdraws active reminders matching the predicate. */
  async withdraw(predicate: (reminder: Reminder) => boolean): Promise<number> {
    const moot = this.deps.reminders.activeReminders().filter(predicate)
    await this.delivery.withdraw(moot)
    return moot.length
  }

  // --- the monthly billing calendar per channel ---

  /**
   * Stores the subscription and its reminders; `handOver` then gives them to Slack, which takes a
   * call per reminder — run it after acknowledging the command.
   */
  async subscribe(
    channel: string,
    user: string,
  ): Promise<{
    kind: 'subscribed' | 'already'
    subscription: CalendarSubscription
    upcoming: Reminder[]
    handOver: () => Promise<void>
  }> {
    const handOver = async () => {
      await this.delivery.deliver(this.pendingFor((r) => r.channel === channel && r.state === 'pending'))
    }
    const existing = this.deps.subscriptions.activeSubscription(channel)
    if (existing) {
      const upcoming = this.pendingFor((r) => r.subscriptionId === existing.id)
      return { kind: 'already', subscription: existing, upcoming, handOver }
    }
    const subscription: CalendarSubscription = {
      id: this.deps.newId(),
      channel,
      subscribedBy: user,
      createdAt: this.deps.clock.now().toISOString(),
    }
    await this.deps.subscriptions.saveSubscription(subscription)
    await this.extendCalendar(subscription, { handOver: false })
    const upcoming = this.pendingFor((r) => r.subscriptionId === subscription.id)
    return { kind: 'subscribed', subscription, upcoming, handOver }
  }

  async unsubscribe(
    channel: string,
  ): Promise<{ kind: 'unsubscribed'; withdrawn: number; owner: string } | { kind: 'not_subscribed' }> {
    const existing = this.deps.subscriptions.activeSubscription(channel)
    if (!existing) return { kind: 'not_subscribed' }
    await this.deps.subscriptions.saveSubscription({
      ...existing,
      cancelledAt: this.deps.clock.now().toISOString(),
    })
    const withdrawn = await this.withdraw((r) => r.subscriptionId === existing.id)
    return { kind: 'unsubscribed', withdrawn, owner: existing.subscribedBy }
  }

  private async extendCalendar(
    subscription: CalendarSubscription,
    options: { handOver?: boolean } = {},
  ): Promise<void> {
    const { from, until } = calendarWindow(this.today())
    const wanted = planCalendarReminders(subscription.channel, from, until).map((plan): NewReminder => {
      const dates = billingDatesFor(plan.usageMonth)
      return {
        kind: plan.kind,
        key: plan.key,
        owner: subscription.subscribedBy,
        channel: subscription.channel,
        dueDate: plan.date,
        dueAt: tokyoNineAm(plan.date).toISOString(),
        subscriptionId: subscription.id,
        text: this.deps.renderer.guidance(`reminder-${plan.kind.replace(/_/g, '-')}`, {
          usageMonthLabel: usageMonthLabel(plan.usageMonth),
          invoiceIssued: dates.invoiceIssued,
          paymentDue: dates.paymentDue,
          npMailSubject: npInvoiceMailSubject(plan.usageMonth),
          dueToday: plan.date === dates.paymentDue,
        }),
      }
    })
    await this.add(wanted, options)
  }

  // --- per-ticket follow-ups ---

  /** After a direct-debit milestone: withdraw what it answers, schedule what comes next. */
  async onDirectDebitMilestone(ticket: Ticket, milestone: DirectDebitMilestone): Promise<void> {
    const prefix = `dd:${ticket.id}:`
    const moot = MOOT_AFTER[milestone]
    await this.withdraw(
      (r) => r.key.startsWith(prefix) && moot.some((m) => r.key.slice(prefix.length).startsWith(m)),
    )
    const plans = directDebitFollowUps(ticket.id, milestone, this.today())
    if (milestone === 'sent')
      plans.push(...directDebitInvoiceDueDates(ticket.id, this.today(), calendarWindow(this.today()).until))
    await this.add(plans.map((plan) => this.directDebitReminder(ticket, plan)))
  }

  private directDebitReminder(ticket: Ticket, plan: FollowUpPlan): NewReminder {
    return {
      kind: plan.kind,
      key: plan.key,
      owner: ticket.requester,
      channel: ticket.message?.channel ?? ticket.channel,
      dueDate: plan.date,
      dueAt: tokyoNineAm(plan.date).toISOString(),
      ticketId: ticket.id,
      text: this.deps.renderer.guidance(`reminder-${plan.kind.replace(/_/g, '-')}`, {
        operatorId: ticket.operatorId,
        np: NP_SUPPORT_DESK,
        paymentDue: plan.date,
      }),
    }
  }

  /** The final invoice of an account being deleted: its issue and due dates (§6.4.1). */
  async onDeletionChecklist(checklist: Checklist): Promise<void> {
    const cancelDate = checklist.cancelDate as PlainDate | undefined
    if (checklist.kind !== 'account_deletion' || !cancelDate) return
    // Paid already (ticked while this was on its way): the reminders would be moot.
    if (checklist.items.find((i) => i.key === 'payments_complete')?.ticked) return
    const usageMonth = yearMonthOf(cancelDate)
    const dates = billingDatesFor(usageMonth)
    const operatorId = checklist.operatorIds[0] ?? ''
    const model = {
      operatorId,
      usageMonthLabel: usageMonthLabel(usageMonth),
      npMailSubject: npInvoiceMailSubject(usageMonth),
      paymentDue: dates.paymentDue,
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
      text: this.deps.renderer.guidance(`reminder-${kind.replace(/_/g, '-')}`, model),
    })
    await this.add([
      reminder('deletion_invoice_issued', dates.invoiceIssued),
      reminder('deletion_payment_due', lastBusinessDayOnOrBefore(dates.paymentDue)),
    ])
  }

  /** Paying the final invoice makes its reminders moot; unticking brings them back. */
  async onDeletionPaymentStep(checklist: Checklist, paid: boolean): Promise<void> {
    if (paid) await this.withdraw((r) => r.checklistId === checklist.id)
    else await this.onDeletionChecklist(checklist)
  }

  // --- the sweep ---

  /**
   * Run at start-up and periodically: extends every rolling window (calendar subscriptions, the
   * invoice due dates of direct-debit tickets not yet switched), then hands to Slack whatever
   * came within its horizon, posts what was missed while the bot was down, and marks what Slack
   * has delivered.
   */
  async sweep(): Promise<DeliveryReport> {
    // Only store here: the delivery sweep below hands everything over, within Slack's limits.
    for (const subscription of this.deps.subscriptions.activeSubscriptions()) {
      await this.extendCalendar(subscription, { handOver: false })
    }
    const today = this.today()
    const until = calendarWindow(today).until
    for (const ticket of this.deps.tickets.allTickets()) {
      if (ticket.kind !== 'direct_debit' || ticket.status === 'cancelled' || ticket.status === 'resolved')
        continue
      if (!hasMilestone(ticket, 'sent') || hasMilestone(ticket, 'switched')) continue
      const dueDates = directDebitInvoiceDueDates(ticket.id, today, until)
      await this.add(
        dueDates.map((p) => this.directDebitReminder(ticket, p)),
        { handOver: false },
      )
    }
    return this.delivery.sweep()
  }

  pendingFor(predicate: (reminder: Reminder) => boolean): Reminder[] {
    return this.deps.reminders
      .activeReminders()
      .filter(predicate)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
  }
}
