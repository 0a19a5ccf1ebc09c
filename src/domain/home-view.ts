import type { LinkFailure } from './billing-alert.js'
import type { Reminder } from './reminder.js'
import type { OperatorLink } from './soracom-link.js'
import type { Ticket } from './ticket.js'

/** What App Home shows: the user's own records only. */
export interface HomeModel {
  tickets: Ticket[]
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
