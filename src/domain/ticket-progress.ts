import { DIRECT_DEBIT_MILESTONES } from './direct-debit.js'
import { cleanFreeText } from './free-text.js'
import type { Ticket, TicketStatus } from './ticket.js'

/**
 * Lifecycle: rendered (not yet sent) → sent → resolved | cancelled. What the requester reports
 * after the ticket is rendered: that it was sent, and for direct debit the later steps of §3.5.1
 * (form received, form returned, debit started), in order. Every change lands in the history.
 */
export function milestonesFor(kind: Ticket['kind']): readonly string[] {
  return kind === 'direct_debit' ? DIRECT_DEBIT_MILESTONES : ['sent']
}

export function isClosed(ticket: Pick<Ticket, 'status'>): boolean {
  return ticket.status === 'resolved' || ticket.status === 'cancelled'
}

export function nextMilestone(ticket: Ticket): string | undefined {
  if (isClosed(ticket)) return undefined
  return milestonesFor(ticket.kind).find((m) => !ticket.progress.some((p) => p.milestone === m))
}

export type TicketChange =
  | { kind: 'changed'; ticket: Ticket }
  | { kind: 'unchanged'; ticket: Ticket }
  | { kind: 'refused'; reason: 'out_of_order' | 'closed' | 'unknown_milestone' | 'not_sent' }

interface Change {
  by: string
  now: Date
}

function withChange(ticket: Ticket, change: Change, what: string, to: TicketStatus, detail?: string): Ticket {
  const at = change.now.toISOString()
  return {
    ...ticket,
    status: to,
    history: [
      ...ticket.history,
      { at, by: change.by, what, from: ticket.status, to, ...(detail !== undefined ? { detail } : {}) },
    ],
    updatedAt: at,
  }
}

/**
 * Records a milestone. Reporting one already recorded changes nothing (a double click); skipping
 * ahead is refused. The first milestone moves the ticket to `sent`; direct debit's last one
 * (口座振替の開始, §3.5.1 step 9) resolves it.
 */
export function reportMilestone(ticket: Ticket, milestone: string, change: Change): TicketChange {
  const all = milestonesFor(ticket.kind)
  if (!all.includes(milestone)) return { kind: 'refused', reason: 'unknown_milestone' }
  if (ticket.progress.some((p) => p.milestone === milestone)) return { kind: 'unchanged', ticket }
  if (isClosed(ticket)) return { kind: 'refused', reason: 'closed' }
  if (nextMilestone(ticket) !== milestone) return { kind: 'refused', reason: 'out_of_order' }
  const last = ticket.kind === 'direct_debit' && milestone === all[all.length - 1]
  const changed = withChange(ticket, change, `milestone:${milestone}`, last ? 'resolved' : 'sent')
  return {
    kind: 'changed',
    ticket: {
      ...changed,
      progress: [...ticket.progress, { milestone, by: change.by, at: change.now.toISOString() }],
    },
  }
}

/** Resolves a sent ticket, or withdraws one at any point before it is closed. */
export function closeTicket(ticket: Ticket, to: 'resolved' | 'cancelled', change: Change): TicketChange {
  if (ticket.status === to) return { kind: 'unchanged', ticket }
  if (isClosed(ticket)) return { kind: 'refused', reason: 'closed' }
  if (to === 'resolved' && ticket.status !== 'sent') return { kind: 'refused', reason: 'not_sent' }
  return { kind: 'changed', ticket: withChange(ticket, change, to, to) }
}

const MAX_REFERENCE = 100

/** Keeps SORACOM's or NP's reference for the request (受付番号); the same reference again changes nothing. */
export function recordReference(ticket: Ticket, raw: string, change: Change): TicketChange {
  const reference = cleanFreeText(raw).normalize('NFKC').replace(/\s+/g, ' ').trim().slice(0, MAX_REFERENCE)
  if (ticket.status === 'cancelled') return { kind: 'refused', reason: 'closed' }
  if (reference === (ticket.reference ?? '')) return { kind: 'unchanged', ticket }
  const changed = withChange(ticket, change, 'reference', ticket.status, reference)
  const { reference: _previous, ...rest } = changed
  return { kind: 'changed', ticket: reference === '' ? rest : { ...rest, reference } }
}
