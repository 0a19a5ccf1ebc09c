import { z } from 'zod'

/**
 * A reminder is stored first (the lowdb file is the source of truth) and then handed to Slack's
 * scheduler, so it arrives at 09:00 JST on its day even while the bot is down.
 *   pending → scheduled (Slack holds it) → sent | cancelled
 * A reminder further ahead than Slack's horizon stays pending until a sweep brings it within.
 */
export const REMINDER_STATES = ['pending', 'scheduled', 'sent', 'cancelled'] as const
export type ReminderState = (typeof REMINDER_STATES)[number]

export const REMINDER_KINDS = [
  'invoice_expected',
  'calendar_amount_final',
  'calendar_invoice_issued',
  'calendar_due_soon',
  'calendar_due',
  'direct_debit_form_arrival',
  'direct_debit_form_return',
  'direct_debit_result_due',
  'direct_debit_invoice_due',
  'deletion_invoice_issued',
  'deletion_payment_due',
] as const
export type ReminderKind = (typeof REMINDER_KINDS)[number]

/** Slack's chat.scheduleMessage accepts post times up to 120 days ahead. */
export const SLACK_SCHEDULE_HORIZON_MS = 120 * 24 * 60 * 60 * 1000

const instant = z.iso.datetime({ offset: true })

export const reminderSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(REMINDER_KINDS),
  /** Identifies what the reminder is for, so the same reminder is never created twice. */
  key: z.string().min(1),
  owner: z.string().min(1),
  channel: z.string().min(1),
  dueDate: z.iso.date(),
  dueAt: instant,
  /** Slack mrkdwn, rendered when the reminder was created. */
  text: z.string().min(1),
  ticketId: z.string().optional(),
  checklistId: z.string().optional(),
  subscriptionId: z.string().optional(),
  state: z.enum(REMINDER_STATES),
  scheduledMessageId: z.string().optional(),
  /** Set just before the call to Slack: a crash in between is reconciled, not scheduled twice. */
  handoverStartedAt: instant.optional(),
  /** Posted after its time because the bot was down when it was due. */
  late: z.boolean().optional(),
  /** Cancelled by a person (not made moot by progress): never planned again (domain.md). */
  cancelledByUser: z.boolean().optional(),
  /** Why Slack refused it last time, for the owner's list and the logs. */
  lastError: z.string().optional(),
  createdAt: instant,
  updatedAt: instant,
})

export type Reminder = z.infer<typeof reminderSchema>

export type NewReminder = Pick<
  Reminder,
  | 'kind'
  | 'key'
  | 'owner'
  | 'channel'
  | 'dueDate'
  | 'dueAt'
  | 'text'
  | 'ticketId'
  | 'checklistId'
  | 'subscriptionId'
>

export function createReminder(fields: NewReminder, meta: { id: string; now: Date }): Reminder {
  const at = meta.now.toISOString()
  return { ...fields, id: meta.id, state: 'pending', createdAt: at, updatedAt: at }
}

/** What delivery should do with a reminder now. */
export type ReminderAction = 'wait' | 'schedule' | 'post_now' | 'mark_sent' | 'none'

/**
 * Slack needs a post time in the future, within its horizon. A pending reminder whose time has
 * passed (the bot was down) is posted at once, marked late; a scheduled one whose time has passed
 * was delivered by Slack.
 */
export function nextReminderAction(reminder: Reminder, now: Date): ReminderAction {
  const dueIn = Date.parse(reminder.dueAt) - now.getTime()
  if (reminder.state === 'scheduled') return dueIn <= 0 ? 'mark_sent' : 'none'
  if (reminder.state !== 'pending') return 'none'
  if (dueIn <= MIN_LEAD_MS) return 'post_now'
  if (dueIn > SLACK_SCHEDULE_HORIZON_MS) return 'wait'
  return 'schedule'
}

/** Slack refuses post times too close to now; closer than this, post directly. */
const MIN_LEAD_MS = 15_000
