import { DIRECT_DEBIT_MILESTONES, type DirectDebitMilestone } from '../domain/direct-debit.js'
import type { Refusal, StaleMessage } from '../domain/outcomes.js'
import type { Ticket } from '../domain/ticket.js'
import {
  closeTicket,
  recordReference,
  reportMilestone,
  type TicketChange,
} from '../domain/ticket-progress.js'
import { ticketMessage, updatePosted } from './deliver-record.js'
import { type AppDeps, type HomePorts, mayManage } from './deps.js'
import { type ChangeOutcome, refused } from './outcomes.js'
import { refreshHome } from './refresh-home.js'
import { followDirectDebit, withdrawReminders } from './reminders.js'

/** What the requester asks to change on a ticket. */
export type TicketChangeRequest =
  | { kind: 'milestone'; milestone: string }
  | { kind: 'close'; to: 'resolved' | 'cancelled' }
  | { kind: 'reference'; raw: string }

export type ChangeTicketOutcome =
  | Exclude<ChangeOutcome, { kind: 'changed' }>
  | { kind: 'changed'; ticket: Ticket; stale?: StaleMessage }

const isDirectDebitMilestone = (m: string): m is DirectDebitMilestone =>
  (DIRECT_DEBIT_MILESTONES as readonly string[]).includes(m)

function decide(
  ticket: Ticket,
  request: TicketChangeRequest,
  change: { by: string; now: Date },
): TicketChange {
  switch (request.kind) {
    case 'milestone':
      return reportMilestone(ticket, request.milestone, change)
    case 'close':
      return closeTicket(ticket, request.to, change)
    case 'reference':
      return recordReference(ticket, request.raw, change)
  }
}

/**
 * Applies one change to a ticket, by its requester or an admin: stored, the message updated,
 * follow-up reminders moved on, the requester's App Home refreshed. Changes to one ticket run one
 * after another, in arrival order.
 */
export function changeTicket(
  deps: HomePorts &
    Pick<
      AppDeps,
      'clock' | 'isAdmin' | 'newId' | 'operators' | 'queue' | 'renderer' | 'scheduler' | 'subscriptions'
    >,
  input: { ticketId: string; user: string; request: TicketChangeRequest },
): Promise<ChangeTicketOutcome> {
  return deps.queue.run(input.ticketId, async (): Promise<ChangeTicketOutcome> => {
    const ticket = await deps.tickets.get(input.ticketId)
    if (!ticket) return refused({ on: 'ticket', reason: 'unknown' })
    if (!mayManage(deps, input.user, ticket.requester)) return refused({ on: 'ticket', reason: 'not_owner' })
    const outcome = decide(ticket, input.request, { by: input.user, now: deps.clock.now() })
    if (outcome.kind === 'refused') return refused({ on: 'ticket', reason: outcome.reason })
    if (outcome.kind === 'unchanged') return { kind: 'unchanged' }
    const changed = outcome.ticket
    await deps.tickets.save(changed)
    const stale = await updatePosted(deps, ticket.message, await ticketMessage(deps, changed))
    const reached = changed.progress.at(-1)?.milestone
    if (changed.kind === 'direct_debit' && reached && reached !== ticket.progress.at(-1)?.milestone) {
      if (isDirectDebitMilestone(reached)) await followDirectDebit(deps, changed, reached)
    }
    if (changed.status === 'resolved' || changed.status === 'cancelled') {
      await withdrawReminders(deps, (r) => r.ticketId === changed.id)
    }
    await refreshHome(deps, changed.requester)
    return { kind: 'changed', ticket: changed, ...(stale ? { stale } : {}) }
  })
}

/**
 * 「受付番号を記録」: the ticket whose reference the user may record (its requester or an admin),
 * or why not. Nothing changes until the modal is submitted.
 */
export async function ticketForReference(
  deps: Pick<AppDeps, 'tickets' | 'isAdmin'>,
  input: { ticketId: string; user: string },
): Promise<{ kind: 'refused'; refusal: Refusal } | { kind: 'allowed'; ticket: Ticket }> {
  const ticket = await deps.tickets.get(input.ticketId)
  if (!ticket) return refused({ on: 'ticket', reason: 'unknown' })
  if (!mayManage(deps, input.user, ticket.requester)) return refused({ on: 'ticket', reason: 'not_owner' })
  return { kind: 'allowed', ticket }
}
