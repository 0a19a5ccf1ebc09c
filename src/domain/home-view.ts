import type { LinkFailure } from './billing-alert.js'
import type { Reminder } from './reminder.js'
import type { OperatorLink } from './soracom-link.js'
import type { Ticket } from './ticket.js'
import { isClosed } from './ticket-progress.js'

/** What App Home shows: the user's own records only. */
export interface HomeModel {
  /** The tickets shown (`homeTickets`): the newest open ones of each status, the recently closed. */
  tickets: Ticket[]
  /** How many are open in each status, shown or not (default: those in `tickets`). */
  openTotals?: OpenTotals
  reminders: Reminder[]
  /** Linked operators' last-read bills (no credentials), and why the link is not working, when it is not. */
  bills?: Array<
    Pick<OperatorLink, 'operatorId' | 'coverage' | 'latestBill' | 'runningBill' | 'budget'> & {
      broken?: LinkFailure
    }
  >
  /** The smallest form, after Slack refused the full one. */
  compact?: boolean
}

/** How many open tickets App Home lists per status, and how many recently closed ones. */
export const HOME_LIMITS = { open: 20, recentClosed: 5 } as const

export type OpenTotals = Record<'rendered' | 'sent', number>

/** A requester's tickets as App Home needs them: only those it shows, and the open counts. */
export interface HomeTickets {
  tickets: Ticket[]
  openTotals: OpenTotals
}

/**
 * From a requester's live tickets, newest first: the newest HOME_LIMITS.open of each open status,
 * the HOME_LIMITS.recentClosed most recently closed, and how many are open in each status. (What
 * the PostgreSQL repository selects in SQL, so App Home reads a bounded number of rows.)
 */
export function homeTickets(live: readonly Ticket[]): HomeTickets {
  const openTotals: OpenTotals = { rendered: 0, sent: 0 }
  const open: Ticket[] = []
  for (const t of live) {
    if (t.status !== 'rendered' && t.status !== 'sent') continue
    openTotals[t.status] += 1
    if (openTotals[t.status] <= HOME_LIMITS.open) open.push(t)
  }
  const closed = live
    .filter(isClosed)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, HOME_LIMITS.recentClosed)
  return { tickets: [...open, ...closed], openTotals }
}
