import type { Clock, IdGenerator } from '../domain/clock.js'
import type { AccessSettings } from '../domain/workspace-settings.js'
import type { Renderer } from '../render/templates.js'
import type { KeyedQueue } from './keyed-queue.js'
import type {
  AlertRepository,
  Answerer,
  Charts,
  ChecklistRepository,
  LinkRepository,
  Logger,
  Notifier,
  OperatorRepository,
  PostingHolds,
  QuestionRepository,
  Redelivery,
  ReminderRepository,
  ReminderScheduler,
  SettingsRepository,
  Soracom,
  SubscriptionRepository,
  ThreadRepository,
  TicketRepository,
} from './ports.js'

/** Everything a use case may touch, built once by the composition root (src/bot.ts) or a test. */
export interface AppDeps {
  tickets: TicketRepository
  checklists: ChecklistRepository
  reminders: ReminderRepository
  subscriptions: SubscriptionRepository
  operators: OperatorRepository
  links: LinkRepository
  alerts: AlertRepository
  /** Declined and disliked questions to the guide, masked (`/billing ask report`). */
  questions: QuestionRepository
  /** DM threads' first questions, for follow-ups in the thread. */
  threads: ThreadRepository
  /** Who may use the bot here, as its admins set it (`/billing settings`). */
  settings: SettingsRepository
  /** What each setting is when the workspace has not set it (the environment's, in single mode). */
  accessDefaults: AccessSettings
  /** The guide's answers (`/billing ask`, DMs). */
  answers: Answerer
  /** The SORACOM API for linked operators (`/billing link`). */
  soracom: Soracom
  notifier: Notifier
  /** The spend charts (PNG). */
  charts: Charts
  scheduler: ReminderScheduler
  clock: Clock
  newId: IdGenerator
  renderer: Renderer
  logger: Logger
  /**
   * Admins (ADMIN_USER_IDS) may act on anyone's tickets, checklists and reminders, and link
   * operators. `workspaceAdmin` (Slack's word on the user): when ADMIN_USER_IDS is unset, the
   * workspace's admins and owners are the admins.
   */
  isAdmin: (user: string, workspaceAdmin?: boolean) => boolean
  /** Changes to one record run one after another, in arrival order (keyed by record id). */
  queue: KeyedQueue
  /**
   * Records whose first post follows the ack are held by the request that stored them: the sweep
   * leaves them to it. A process that stopped in between leaves a hold that runs out, so whatever
   * was stored but never posted is posted by the next sweep.
   */
  posting: PostingHolds
  /** Another try soon for what Slack failed for a moment (the sweep remains the backstop). */
  redelivery: Redelivery
}

/** Only the owner (requester, subscriber) or an admin may act on a record. */
export function mayManage(deps: Pick<AppDeps, 'isAdmin'>, user: string, owner: string): boolean {
  return user === owner || deps.isAdmin(user)
}

/**
 * The port sets several use cases share, named for what they do (each use case still names what
 * it takes: one of these, or a `Pick<AppDeps, …>` of its own).
 */

/** Storing a new ticket from a submission: rendered first, on disk before the ack. */
export type TicketIntakePorts = Pick<
  AppDeps,
  'posting' | 'clock' | 'newId' | 'operators' | 'renderer' | 'tickets'
>

/** Storing a new checklist from a submission. */
export type ChecklistIntakePorts = Pick<AppDeps, 'posting' | 'checklists' | 'clock' | 'newId' | 'renderer'>

/** Publishing a user's App Home, and trying again soon when Slack fails for a moment. */
export type HomePorts = Pick<
  AppDeps,
  'alerts' | 'links' | 'logger' | 'notifier' | 'redelivery' | 'reminders' | 'tickets'
>

/** Posting stored records (tickets, checklists, alerts), remembering where they went, and what a post starts. */
export type PostingPorts = Pick<
  AppDeps,
  | 'alerts'
  | 'posting'
  | 'checklists'
  | 'clock'
  | 'logger'
  | 'newId'
  | 'notifier'
  | 'operators'
  | 'queue'
  | 'redelivery'
  | 'reminders'
  | 'renderer'
  | 'scheduler'
  | 'tickets'
>
