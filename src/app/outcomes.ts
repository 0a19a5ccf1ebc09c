import type { CalendarSubscription } from '../domain/calendar-subscription.js'
import type { Checklist } from '../domain/checklist.js'
import type { OperatorId } from '../domain/operator-id.js'
import type { FieldProblems, Guidance, Refusal, StaleMessage } from '../domain/outcomes.js'
import type { Reminder } from '../domain/reminder.js'
import type { Ticket } from '../domain/ticket.js'
import type { Origin } from './ports.js'

/**
 * What the use cases answer: plain data. The Slack listener acknowledges from it, then hands an
 * accepted outcome to `followUp` (follow-up.ts) for the one step after the ack.
 */

/** A record stored before the ack; its message is posted after it. */
export type StoredRecord = (
  | { kind: 'ticket'; ticket: Ticket }
  | { kind: 'checklist'; checklist: Checklist }
) & {
  /** The request's hold on posting it (PostingHolds): its post is this request's to make. */
  hold?: string
}

/** What a calendar subscription answers: new, or the channel had one already. */
export interface CalendarOutcome {
  kind: 'subscribed' | 'already'
  subscription: CalendarSubscription
  upcoming: Reminder[]
}

/** What a form submission comes to once decided (and stored, when it stores anything). */
export type SubmissionOutcome =
  /** Shown under the fields; nothing stored. */
  | { kind: 'invalid'; problems: FieldProblems }
  | { kind: 'stored'; record: StoredRecord }
  /** Nothing stored: the guide's answer instead, posted where the flow started. */
  | { kind: 'guidance'; origin: Origin; guidance: Guidance }
  | { kind: 'operator_registered'; origin: Origin; operatorId: OperatorId }
  | { kind: 'calendar_subscribed'; origin: Origin; calendar: CalendarOutcome }

export type AcceptedOutcome = Exclude<SubmissionOutcome, { kind: 'invalid' }>

export const invalid = (problems: FieldProblems): SubmissionOutcome => ({ kind: 'invalid', problems })

/**
 * What a change to a record (a ticket button, a checklist step) answers: refused with the reason,
 * nothing to do (a double click), or done — `stale` when Slack kept the old message.
 */
export type ChangeOutcome =
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'unchanged' }
  | { kind: 'changed'; stale?: StaleMessage }

export const refused = (refusal: Refusal): { kind: 'refused'; refusal: Refusal } => ({
  kind: 'refused',
  refusal,
})
