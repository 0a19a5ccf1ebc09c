import { DIRECT_DEBIT_MILESTONES } from './direct-debit.js'
import type { Ticket } from './ticket.js'

/**
 * What the requester reports after the ticket is rendered: that it was sent, and for direct debit
 * the later steps of §3.5.1 (form received, form returned, debit started), in order.
 */
export function milestonesFor(kind: Ticket['kind']): readonly string[] {
  return kind === 'direct_debit' ? DIRECT_DEBIT_MILESTONES : ['sent']
}

export function nextMilestone(ticket: Ticket): string | undefined {
  if (ticket.status === 'resolved' || ticket.status === 'cancelled') return undefined
  return milestonesFor(ticket.kind).find((m) => !ticket.progress.some((p) => p.milestone === m))
}

export type MilestoneOutcome =
  | { kind: 'changed'; ticket: Ticket }
  | { kind: 'unchanged'; ticket: Ticket }
  | { kind: 'refused'; reason: 'out_of_order' | 'closed' | 'unknown_milestone' }

/**
 * Records a milestone. Reporting one already recorded changes nothing (a double click); skipping
 * ahead is refused. The first milestone moves the ticket to `sent`; direct debit's last one
 * (口座振替の開始) resolves it.
 */
export function reportMilestone(
  ticket: Ticket,
  milestone: string,
  change: { by: string; now: Date },
): MilestoneOutcome {
  const all = milestonesFor(ticket.kind)
  if (!all.includes(milestone)) return { kind: 'refused', reason: 'unknown_milestone' }
  if (ticket.progress.some((p) => p.milestone === milestone)) return { kind: 'unchanged', ticket }
  if (ticket.status === 'resolved' || ticket.status === 'cancelled')
    return { kind: 'refused', reason: 'closed' }
  if (nextMilestone(ticket) !== milestone) return { kind: 'refused', reason: 'out_of_order' }
  const at = change.now.toISOString()
  const last = ticket.kind === 'direct_debit' && milestone === all[all.length - 1]
  return {
    kind: 'changed',
    ticket: {
      ...ticket,
      status: last ? 'resolved' : 'sent',
      progress: [...ticket.progress, { milestone, by: change.by, at }],
      updatedAt: at,
    },
  }
}
