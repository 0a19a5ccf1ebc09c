import { DIRECT_DEBIT_MILESTONES, type DirectDebitMilestone } from '../domain/direct-debit.js'
import type { Ticket } from '../domain/ticket.js'
import {
  closeTicket,
  recordReference,
  reportMilestone,
  type TicketChange,
} from '../domain/ticket-progress.js'
import { ticketMessage, updatePosted } from './deliver-record.js'
import { type AppDeps, type ChangeOutcome, mayManage } from './deps.js'
import { refreshHome } from './refresh-home.js'
import { followDirectDebit, withdrawReminders } from './reminders.js'

export const TICKET_REFUSALS = {
  out_of_order: '前の段階がまだ記録されていません。チケットの表示を更新してから、順に押してください。',
  closed: 'このチケットは完了または取り下げ済みのため、変更できません。',
  not_sent: '解決にできるのは送信済みのチケットだけです。先に「送信した」を押してください。',
  unknown_milestone: 'このボタンは古いか壊れています。',
  unknown_ticket: 'このチケットは見つかりませんでした。',
  not_owner: 'このチケットを変更できるのは、依頼した本人か管理者だけです。',
} as const

/** What the requester asks to change on a ticket. */
export type TicketChangeRequest =
  | { kind: 'milestone'; milestone: string }
  | { kind: 'close'; to: 'resolved' | 'cancelled' }
  | { kind: 'reference'; raw: string }

export type ChangeTicketOutcome =
  | Exclude<ChangeOutcome, { kind: 'changed' }>
  | { kind: 'changed'; ticket: Ticket; notice?: string }

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
  deps: AppDeps,
  input: { ticketId: string; user: string; request: TicketChangeRequest },
): Promise<ChangeTicketOutcome> {
  return deps.queue.run(input.ticketId, async (): Promise<ChangeTicketOutcome> => {
    const ticket = deps.tickets.get(input.ticketId)
    if (!ticket) return { kind: 'refused', text: TICKET_REFUSALS.unknown_ticket }
    if (!mayManage(deps, input.user, ticket.requester))
      return { kind: 'refused', text: TICKET_REFUSALS.not_owner }
    const outcome = decide(ticket, input.request, { by: input.user, now: deps.clock.now() })
    if (outcome.kind === 'refused') return { kind: 'refused', text: TICKET_REFUSALS[outcome.reason] }
    if (outcome.kind === 'unchanged') return { kind: 'unchanged' }
    const changed = outcome.ticket
    await deps.tickets.save(changed)
    const notice = await updatePosted(deps, ticket.message, ticketMessage(deps, changed))
    const reached = changed.progress.at(-1)?.milestone
    if (changed.kind === 'direct_debit' && reached && reached !== ticket.progress.at(-1)?.milestone) {
      if (isDirectDebitMilestone(reached)) await followDirectDebit(deps, changed, reached)
    }
    if (changed.status === 'resolved' || changed.status === 'cancelled') {
      await withdrawReminders(deps, (r) => r.ticketId === changed.id)
    }
    await refreshHome(deps, changed.requester)
    return { kind: 'changed', ticket: changed, ...(notice ? { notice } : {}) }
  })
}
