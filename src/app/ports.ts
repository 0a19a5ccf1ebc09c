import type { Bill, PaymentMethodFacts } from '../domain/bill.js'
import type { BillingAlert } from '../domain/billing-alert.js'
import type { CalendarSubscription } from '../domain/calendar-subscription.js'
import type { Checklist } from '../domain/checklist.js'
import type { Coverage } from '../domain/coverage.js'
import type { GuideAnswer, GuideEntry } from '../domain/guide.js'
import type { QuestionRecord } from '../domain/guide-feedback.js'
import type { GuideThread } from '../domain/guide-thread.js'
import type { HomeModel, HomeTickets } from '../domain/home-view.js'
import type { RegisteredOperator } from '../domain/operator-registry.js'
import type { YearMonth } from '../domain/plain-date.js'
import type { Reminder } from '../domain/reminder.js'
import type { OperatorLink } from '../domain/soracom-link.js'
import type { ChartImage, DailyAmount, ServiceCost, SimCost, SpendChartData } from '../domain/spend.js'
import type { Ticket } from '../domain/ticket.js'
import type { WorkspaceSettings } from '../domain/workspace-settings.js'
import type { SlackMessage } from '../render/messages.js'

/**
 * What the use cases need from the outside world, one small interface each. `store/` implements
 * the repositories over the one lowdb file; `slack/` implements the Notifier; `scheduling/`
 * implements the ReminderScheduler over Slack's scheduler.
 */

// --- repositories: every `save` resolves only once the change is on disk, and rolls back when it is not ---

/**
 * A read answers at once from the embedded file store (its data is in memory) and through a
 * promise from PostgreSQL: use cases always `await` it, so they run on either.
 */
export type Awaitable<T> = T | Promise<T>

export interface TicketRepository {
  save(ticket: Ticket): Promise<void>
  get(id: string): Awaitable<Ticket | undefined>
  /** The ticket a modal submission created, so a submission delivered twice creates nothing twice. */
  findBySourceView(viewId: string): Awaitable<Ticket | undefined>
  /** Live tickets of a requester (open, or closed within the last 30 days), newest first. */
  listByRequester(userId: string): Awaitable<Ticket[]>
  /** What App Home shows of a requester's live tickets (`homeTickets`), read in bounded rows. */
  homeOf(userId: string): Awaitable<HomeTickets>
  /** The whole history, archived tickets included, newest first. */
  historyOfRequester(userId: string): Promise<Ticket[]>
  historyOfChannel(channel: string): Promise<Ticket[]>
  /** Every live ticket, for sweeps over open ones. */
  all(): Awaitable<readonly Ticket[]>
}

export interface ChecklistRepository {
  save(checklist: Checklist): Promise<void>
  get(id: string): Awaitable<Checklist | undefined>
  findBySourceView(viewId: string): Awaitable<Checklist | undefined>
  all(): Awaitable<readonly Checklist[]>
}

export interface ReminderRepository {
  save(reminders: Reminder[]): Promise<void>
  get(id: string): Awaitable<Reminder | undefined>
  findByKey(key: string): Awaitable<Reminder | undefined>
  /** Pending and scheduled reminders: the ones delivery still has work for. */
  active(): Awaitable<Reminder[]>
  /** Every reminder of an owner, soonest first. */
  ofOwner(owner: string): Awaitable<Reminder[]>
}

export interface SubscriptionRepository {
  save(subscription: CalendarSubscription): Promise<void>
  activeIn(channel: string): Awaitable<CalendarSubscription | undefined>
  active(): Awaitable<CalendarSubscription[]>
}

export interface OperatorRepository {
  save(operator: RegisteredOperator): Promise<void>
  list(): Awaitable<RegisteredOperator[]>
  get(operatorId: string): Awaitable<RegisteredOperator | undefined>
}

export interface LinkRepository {
  save(link: OperatorLink): Promise<void>
  get(operatorId: string, coverage: Coverage): Awaitable<OperatorLink | undefined>
  list(): Awaitable<OperatorLink[]>
  /** False when there was no such link. */
  remove(operatorId: string, coverage: Coverage): Promise<boolean>
}

/** The workspace's own settings (`/billing settings`): one record, empty until an admin sets one. */
export interface SettingsRepository {
  get(): WorkspaceSettings
  save(settings: WorkspaceSettings): Promise<void>
}

/** Declined and disliked questions to the guide, masked (issue 29). */
export interface QuestionRepository {
  /** Keeps it once: saving an id again changes nothing. */
  save(record: QuestionRecord): Promise<void>
  /** Those kept at or after `since` (ISO 8601). */
  since(since: string): Awaitable<readonly QuestionRecord[]>
}

/** DM threads' first questions, so a follow-up is read with its thread on any replica (issue 27). */
export interface ThreadRepository {
  /** Keeps a thread's first question once: saving an id again changes nothing. */
  save(thread: GuideThread): Promise<void>
  get(id: string): Awaitable<GuideThread | undefined>
}

export interface AlertRepository {
  save(alert: BillingAlert): Promise<void>
  get(id: string): Awaitable<BillingAlert | undefined>
  all(): Awaitable<readonly BillingAlert[]>
}

/**
 * Who is posting a stored record's first message. The process that stored a record holds it until
 * its post is done, so a sweep (in this process or another replica) leaves it alone; a hold left by
 * a process that died runs out (the lease), and the next sweep posts the record.
 */
export interface PostingHolds {
  /** A token when this call now holds `id`, undefined when someone else does. */
  hold(id: string): Promise<string | undefined>
  release(id: string, token: string): Promise<void>
}

// --- SORACOM, seen from the use cases (src/soracom implements it) ---

/** A SAM user's auth key, as typed into the link modal: held in memory only, never stored in clear. */
export interface AuthKey {
  authKeyId: string
  authKey: string
}

/**
 * One linked operator's billing data. Failures throw errors whose `code` (see `errorCode`) is
 * `soracom_unreachable`, `soracom_auth_failed`, `soracom_not_found` or `soracom_refused`.
 */
export interface BillingApi {
  /** The month's bill; undefined when SORACOM has none (404: no charge, or not aggregated). */
  bill(month: YearMonth): Promise<Bill | undefined>
  /** Finalized months, as SORACOM lists them. */
  history(): Promise<Bill[]>
  /** This month so far (集計中). */
  latest(): Promise<Bill | undefined>
  paymentMethod(): Promise<PaymentMethodFacts | undefined>
  /** The month's days with figures (fees charged monthly are in none of them); empty when SORACOM has none. */
  daily(month: YearMonth): Promise<DailyAmount[]>
  /** What the month cost by service and per SIM (SORACOM's top 100), largest first. */
  costDrivers(month: YearMonth): Promise<{ services: ServiceCost[]; sims: SimCost[] }>
  /** The 課金詳細 CSV of a month: a download URL. */
  exportCsv(month: YearMonth): Promise<string>
  /** The running month's 課金詳細 CSV (preliminary): a download URL. */
  exportLatestCsv(): Promise<string>
  /** The 請求明細書 PDF covering a month (card payers): a download URL, or undefined when there is none. */
  exportStatement(month: YearMonth): Promise<string | undefined>
}

export interface Soracom {
  /**
   * `POST /auth` with the key: the operator it belongs to, and which of the read calls the bot
   * relies on its SAM user may not make (SAM actions such as `Billing:getLatestBilling`). A
   * refused key throws `soracom_auth_failed`.
   */
  verify(coverage: Coverage, key: AuthKey): Promise<{ operatorId?: string; missingPermissions: string[] }>
  /** The key sealed for storing with this link (throws `credentials_key` without CREDENTIALS_KEY). */
  seal(link: { operatorId: string; coverage: Coverage }, key: AuthKey): string
  /** The API for a stored link (its key opened in memory). */
  api(link: OperatorLink): BillingApi
  /** Forgets what was opened for a link (after unlink or relink). */
  forget(link: { operatorId: string; coverage: Coverage }): void
}

// --- the guide's answers (src/answers implements it) ---

export interface Answerer {
  /** The best section of the guide for a question and up to two related ones, or no answer. */
  answer(question: string): GuideAnswer
  /** One section by its § (a related section's button, App Home). */
  entry(id: string): GuideEntry | undefined
}

// --- Slack, seen from the use cases ---

/** Where a flow started: its result goes back there (or to the user's DM). */
export interface Origin {
  channel: string
  user: string
}

export interface PostedMessage {
  channel: string
  ts: string
}

/**
 * Posting and updating messages. Failures throw; `errorCode` (src/errors.ts) reads their reason.
 */
export interface Notifier {
  /** Posts to the origin's channel; when the bot may not post there, to the user's DM, saying why. */
  post(origin: Origin, message: SlackMessage): Promise<PostedMessage>
  update(target: PostedMessage, message: SlackMessage): Promise<void>
  /** A short note only the user sees (ephemeral in the channel, else their DM). */
  tell(origin: Origin, text: string): Promise<void>
  /** Publishes the user's App Home tab. */
  publishHome(userId: string, home: HomeModel): Promise<void>
  /** Uploads a file (files.uploadV2): into a channel (a thread of it), or into the user's DM with the bot. */
  upload(to: UploadTarget, file: UploadFile): Promise<void>
}

export type UploadTarget = { channel: string; threadTs?: string } | { user: string }

export type UploadFile = ChartImage

/** The charts of the spend (src/render/charts.ts draws them). */
export interface Charts {
  /** The months as billed and the running month with its forecast, as one PNG. */
  spend(data: SpendChartData): Promise<UploadFile>
}

/**
 * Another try, soon, for what Slack failed for a moment (a post, App Home, a hand-over): after a
 * backoff (seconds, doubling, at most the sweep interval, at least Slack's Retry-After). The
 * attempt re-reads what is stored and answers whether it is done.
 */
export interface Redelivery {
  later(key: string, error: unknown, attempt: () => Promise<'done' | 'again'>): void
}

/** Hands reminders to Slack's scheduler and takes them back. */
export interface ReminderScheduler {
  /** Schedules, posts (when due) or marks sent each of these, as their state asks. */
  deliver(reminders: Reminder[]): Promise<unknown>
  /** Withdraws the reminders from Slack (when scheduled) and marks them cancelled (`byUser`: for good). */
  withdraw(reminders: Reminder[], options?: { byUser?: boolean }): Promise<void>
  /** Delivers every active reminder; concurrent calls share one run. */
  sweep(): Promise<unknown>
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}
