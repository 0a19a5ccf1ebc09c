import type { SubscriptionRepository } from '../domain/calendar-subscription.js'
import type { ChecklistRepository } from '../domain/checklist.js'
import type { Clock, IdGenerator } from '../domain/clock.js'
import type { OperatorRepository } from '../domain/operator-registry.js'
import type { ReminderRepository } from '../domain/reminder.js'
import type { TicketRepository } from '../domain/ticket.js'
import type { AppLogger } from '../logger.js'
import type { ReminderService } from '../reminders/service.js'
import type { Renderer } from '../render/templates.js'

/** Everything the listeners need, built once in main.ts (or by a test). */
export interface AppDeps {
  tickets: TicketRepository
  checklists: ChecklistRepository
  reminders: ReminderRepository
  subscriptions: SubscriptionRepository
  operators: OperatorRepository
  clock: Clock
  newId: IdGenerator
  renderer: Renderer
  /** Housekeeping run by the sweep: moves old closed records out of the live file. */
  archiveOld?: (now: Date) => Promise<unknown>
  /** Structured log lines; never secrets or personal data (see `logger.ts`). */
  logger?: AppLogger
  /** GET /healthz answers 200 only while this is true. */
  isHealthy: () => Promise<boolean>
}

/** What listeners get: the dependencies plus the services built on the app's Web API client. */
export interface ListenerDeps extends AppDeps {
  reminderService: ReminderService
  /** Admins (ADMIN_USER_IDS) may change anyone's tickets and reminders. */
  isAdmin: (user: string) => boolean
}

/** Only the requester or an admin may change a ticket or cancel its reminders. */
export function mayManage(deps: Pick<ListenerDeps, 'isAdmin'>, user: string, owner: string): boolean {
  return user === owner || deps.isAdmin(user)
}
