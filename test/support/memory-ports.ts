import { GuideIndex, loadGuide } from '../../src/answers/guide-index.js'
import type { AppDeps } from '../../src/app/deps.js'
import { KeyedQueue } from '../../src/app/keyed-queue.js'
import type {
  AlertRepository,
  AuthKey,
  BillingApi,
  Charts,
  ChecklistRepository,
  LinkRepository,
  Logger,
  Notifier,
  OperatorRepository,
  Origin,
  PostedMessage,
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
  UploadFile,
  UploadTarget,
} from '../../src/app/ports.js'
import type { Bill, PaymentMethodFacts } from '../../src/domain/bill.js'
import type { BillingAlert } from '../../src/domain/billing-alert.js'
import type { CalendarSubscription } from '../../src/domain/calendar-subscription.js'
import type { Checklist } from '../../src/domain/checklist.js'
import type { Coverage } from '../../src/domain/coverage.js'
import type { QuestionRecord } from '../../src/domain/guide-feedback.js'
import type { GuideThread } from '../../src/domain/guide-thread.js'
import { type HomeModel, type HomeTickets, homeTickets } from '../../src/domain/home-view.js'
import type { RegisteredOperator } from '../../src/domain/operator-registry.js'
import type { YearMonth } from '../../src/domain/plain-date.js'
import type { Reminder } from '../../src/domain/reminder.js'
import { linkKey, type OperatorLink } from '../../src/domain/soracom-link.js'
import type { DailyAmount, ServiceCost, SimCost, SpendChartData } from '../../src/domain/spend.js'
import type { Ticket } from '../../src/domain/ticket.js'
import {
  effectiveAccess,
  isAccessAdmin,
  type WorkspaceSettings,
} from '../../src/domain/workspace-settings.js'
import type { SlackMessage } from '../../src/render/messages.js'
import { createRenderer } from '../../src/render/templates.js'
import { MemoryReminders } from './memory-reminders.js'

/**
 * Hand-written in-memory implementations of every port the use cases take, for `test/app/`: no
 * HTTP, no Bolt, no file. Records are copied in and out (as the file store does), so a use case
 * that mutates what it read changes nothing until it saves.
 */

/** A store that can be told to fail, like a full disk: every save throws until `failing` is false. */
class Failable {
  failing = false
  protected check(): void {
    if (this.failing) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' })
  }
}

const copy = <T>(value: T): T => structuredClone(value)
const newestFirst = <T extends { createdAt: string }>(a: T, b: T) => b.createdAt.localeCompare(a.createdAt)

export class MemoryTickets extends Failable implements TicketRepository {
  readonly byId = new Map<string, Ticket>()
  /** Archived tickets, searched by the history calls only. */
  readonly archived: Ticket[] = []
  constructor(private readonly clock: { now(): Date }) {
    super()
  }
  async save(ticket: Ticket): Promise<void> {
    this.check()
    this.byId.set(ticket.id, copy(ticket))
  }
  get(id: string): Ticket | undefined {
    const t = this.byId.get(id)
    return t && copy(t)
  }
  findBySourceView(viewId: string): Ticket | undefined {
    return this.all().find((t) => t.sourceViewId === viewId)
  }
  listByRequester(userId: string): Ticket[] {
    const cutoff = new Date(this.clock.now().getTime() - 30 * 86_400_000).toISOString()
    return this.all()
      .filter((t) => t.requester === userId)
      .filter((t) => t.status === 'rendered' || t.status === 'sent' || t.updatedAt >= cutoff)
      .sort(newestFirst)
  }
  homeOf(userId: string): HomeTickets {
    return homeTickets(this.listByRequester(userId))
  }
  async historyOfRequester(userId: string): Promise<Ticket[]> {
    return [...this.all(), ...this.archived].filter((t) => t.requester === userId).sort(newestFirst)
  }
  async historyOfChannel(channel: string): Promise<Ticket[]> {
    return [...this.all(), ...this.archived].filter((t) => t.channel === channel).sort(newestFirst)
  }
  all(): readonly Ticket[] {
    return [...this.byId.values()].map(copy)
  }
}

export class MemoryChecklists extends Failable implements ChecklistRepository {
  readonly byId = new Map<string, Checklist>()
  async save(checklist: Checklist): Promise<void> {
    this.check()
    this.byId.set(checklist.id, copy(checklist))
  }
  get(id: string): Checklist | undefined {
    const c = this.byId.get(id)
    return c && copy(c)
  }
  findBySourceView(viewId: string): Checklist | undefined {
    return this.all().find((c) => c.sourceViewId === viewId)
  }
  all(): readonly Checklist[] {
    return [...this.byId.values()].map(copy)
  }
}

export class MemorySubscriptions implements SubscriptionRepository {
  readonly byId = new Map<string, CalendarSubscription>()
  async save(subscription: CalendarSubscription): Promise<void> {
    this.byId.set(subscription.id, copy(subscription))
  }
  activeIn(channel: string): CalendarSubscription | undefined {
    return this.active().find((s) => s.channel === channel)
  }
  active(): CalendarSubscription[] {
    return [...this.byId.values()].filter((s) => !s.cancelledAt).map(copy)
  }
}

export class MemoryOperators extends Failable implements OperatorRepository {
  readonly byId = new Map<string, RegisteredOperator>()
  async save(operator: RegisteredOperator): Promise<void> {
    this.check()
    this.byId.set(operator.operatorId, copy(operator))
  }
  list(): RegisteredOperator[] {
    return [...this.byId.values()].map(copy)
  }
  get(operatorId: string): RegisteredOperator | undefined {
    const o = this.byId.get(operatorId)
    return o && copy(o)
  }
}

export class MemoryLinks implements LinkRepository {
  readonly byKey = new Map<string, OperatorLink>()
  async save(link: OperatorLink): Promise<void> {
    this.byKey.set(linkKey(link), copy(link))
  }
  get(operatorId: string, coverage: Coverage): OperatorLink | undefined {
    const l = this.byKey.get(linkKey({ operatorId, coverage }))
    return l && copy(l)
  }
  list(): OperatorLink[] {
    return [...this.byKey.values()].map(copy)
  }
  async remove(operatorId: string, coverage: Coverage): Promise<boolean> {
    return this.byKey.delete(linkKey({ operatorId, coverage }))
  }
}

export class MemoryAlerts implements AlertRepository {
  readonly byId = new Map<string, BillingAlert>()
  async save(alert: BillingAlert): Promise<void> {
    this.byId.set(alert.id, copy(alert))
  }
  get(id: string): BillingAlert | undefined {
    const a = this.byId.get(id)
    return a && copy(a)
  }
  all(): readonly BillingAlert[] {
    return [...this.byId.values()].map(copy)
  }
}

export class MemoryQuestions implements QuestionRepository {
  readonly records: QuestionRecord[] = []
  async save(record: QuestionRecord): Promise<void> {
    if (!this.records.some((r) => r.id === record.id)) this.records.push(record)
  }
  since(since: string): readonly QuestionRecord[] {
    return this.records.filter((r) => r.at >= since)
  }
}

export class MemoryThreads implements ThreadRepository {
  readonly records: GuideThread[] = []
  /** Every save and read fails with this (a database that is down), when set. */
  failing?: Error
  async save(thread: GuideThread): Promise<void> {
    if (this.failing) throw this.failing
    if (!this.records.some((t) => t.id === thread.id)) this.records.push(thread)
  }
  async get(id: string): Promise<GuideThread | undefined> {
    if (this.failing) throw this.failing
    return this.records.find((t) => t.id === id)
  }
}

export class MemorySettings implements SettingsRepository {
  current: WorkspaceSettings = {}
  /** The next save fails with this (a full disk), when set. */
  failNext?: Error
  get(): WorkspaceSettings {
    return copy(this.current)
  }
  async save(settings: WorkspaceSettings): Promise<void> {
    const failure = this.failNext
    this.failNext = undefined
    if (failure) throw failure
    this.current = copy(settings)
  }
}

/** Every message the use cases sent, in order; `refuse` makes the next posts fail like Slack would. */
export class RecordingNotifier implements Notifier {
  readonly posts: Array<{ origin: Origin; message: SlackMessage; ts: string }> = []
  readonly updates: Array<{ target: PostedMessage; message: SlackMessage }> = []
  readonly told: Array<{ origin: Origin; text: string }> = []
  readonly homes: Array<{ userId: string; home: HomeModel }> = []
  /** Slack's error for the next posts and updates (e.g. `ratelimited`, `channel_not_found`). */
  refuse: string | undefined
  private seq = 0

  async post(origin: Origin, message: SlackMessage): Promise<PostedMessage> {
    this.failIfRefusing()
    const ts = `1700000000.${String(++this.seq).padStart(6, '0')}`
    this.posts.push({ origin, message, ts })
    return { channel: origin.channel, ts }
  }
  async update(target: PostedMessage, message: SlackMessage): Promise<void> {
    this.failIfRefusing()
    this.updates.push({ target, message })
  }
  async tell(origin: Origin, text: string): Promise<void> {
    this.told.push({ origin, text })
  }
  async publishHome(userId: string, home: HomeModel): Promise<void> {
    this.homes.push({ userId, home })
  }
  readonly uploads: Array<{ to: UploadTarget; file: UploadFile }> = []
  /** Slack's error for the next uploads. */
  refuseUploads: string | undefined
  async upload(to: UploadTarget, file: UploadFile): Promise<void> {
    if (this.refuseUploads) throw new Error(this.refuseUploads)
    this.uploads.push({ to, file })
  }
  private failIfRefusing(): void {
    if (this.refuse)
      throw Object.assign(new Error(this.refuse), {
        code: 'slack_webapi_platform_error',
        data: { error: this.refuse },
      })
  }
}

/** Slack's scheduler, in memory: a delivered reminder is scheduled (or sent, when due); a withdrawn one cancelled. */
export class RecordingScheduler implements ReminderScheduler {
  readonly delivered: Reminder[] = []
  readonly withdrawn: Reminder[] = []
  constructor(
    private readonly reminders: Pick<ReminderRepository, 'save' | 'active'>,
    private readonly clock: { now(): Date },
  ) {}
  async deliver(reminders: Reminder[]): Promise<unknown> {
    const now = this.clock.now().toISOString()
    const handed = reminders
      .filter((r) => r.state === 'pending')
      .map(
        (r): Reminder => ({
          ...r,
          state: r.dueAt <= now ? 'sent' : 'scheduled',
          ...(r.dueAt <= now ? {} : { scheduledMessageId: `Q${r.id}` }),
          updatedAt: now,
        }),
      )
    this.delivered.push(...handed)
    if (handed.length > 0) await this.reminders.save(handed)
    return handed.length
  }
  async withdraw(reminders: Reminder[], options?: { byUser?: boolean }): Promise<void> {
    const now = this.clock.now().toISOString()
    const cancelled = reminders.map(
      (r): Reminder => ({
        ...r,
        state: 'cancelled',
        ...(options?.byUser ? { cancelledByUser: true } : {}),
        updatedAt: now,
      }),
    )
    this.withdrawn.push(...cancelled)
    if (cancelled.length > 0) await this.reminders.save(cancelled)
  }
  async sweep(): Promise<unknown> {
    return this.deliver(await this.reminders.active())
  }
}

/** Charts drawn: what each showed; `fail` makes the next ones throw (a font missing, say). */
export class RecordingCharts implements Charts {
  readonly drawn: SpendChartData[] = []
  fail = false
  async spend(data: SpendChartData): Promise<UploadFile> {
    if (this.fail) throw new Error('chart_failed')
    this.drawn.push(data)
    return {
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      filename: 'chart.png',
      title: 'chart',
      altText: 'chart',
    }
  }
}

/** Retries recorded, run only when the test says so. */
export class ManualRedelivery implements Redelivery {
  readonly waiting = new Map<string, () => Promise<'done' | 'again'>>()
  later(key: string, _error: unknown, attempt: () => Promise<'done' | 'again'>): void {
    this.waiting.set(key, attempt)
  }
  async runAll(): Promise<void> {
    for (const [key, attempt] of [...this.waiting]) {
      if ((await attempt()) === 'done') this.waiting.delete(key)
    }
  }
}

export class RecordingLogger implements Logger {
  readonly lines: Array<{
    level: 'info' | 'warn' | 'error'
    message: string
    fields?: Record<string, unknown>
  }> = []
  info(message: string, fields?: Record<string, unknown>): void {
    this.lines.push({ level: 'info', message, ...(fields ? { fields } : {}) })
  }
  warn(message: string, fields?: Record<string, unknown>): void {
    this.lines.push({ level: 'warn', message, ...(fields ? { fields } : {}) })
  }
  error(message: string, fields?: Record<string, unknown>): void {
    this.lines.push({ level: 'error', message, ...(fields ? { fields } : {}) })
  }
}

/** One linked operator's billing data, as SORACOM would answer it; `fail` makes every call throw that code. */
export interface FakeBilling {
  bills: Bill[]
  latest?: Bill
  method?: PaymentMethodFacts
  fail?: string
  missingPermissions?: string[]
  /** The operator a verified key belongs to (default: the one linked). */
  keyOperator?: string
  /** Days with figures, any month. */
  days?: DailyAmount[]
  services?: ServiceCost[]
  sims?: SimCost[]
}

/** The SORACOM port over in-memory bills; keys are "sealed" reversibly so tests can see what is stored. */
export class MemorySoracom implements Soracom {
  readonly billing = new Map<string, FakeBilling>()
  readonly calls: string[] = []
  forgotten: string[] = []

  /** What SORACOM knows of one operator and coverage. */
  set(operatorId: string, coverage: Coverage, billing: FakeBilling): void {
    this.billing.set(linkKey({ operatorId, coverage }), billing)
  }

  async verify(
    coverage: Coverage,
    key: AuthKey,
  ): Promise<{ operatorId?: string; missingPermissions: string[] }> {
    this.calls.push(`verify ${coverage} ${key.authKeyId}`)
    const match = [...this.billing.entries()].find(([k]) => k.endsWith(`/${coverage}`))
    const billing = match?.[1]
    if (!billing || billing.fail) throw codeError(billing?.fail ?? 'soracom_auth_failed')
    const operatorId = billing.keyOperator ?? match[0].split('/')[0]
    return { ...(operatorId ? { operatorId } : {}), missingPermissions: billing.missingPermissions ?? [] }
  }

  seal(link: { operatorId: string; coverage: Coverage }, key: AuthKey): string {
    return `v1.sealed:${linkKey(link)}:${key.authKeyId}`
  }

  api(link: OperatorLink): BillingApi {
    const billing = (): FakeBilling => {
      const found = this.billing.get(linkKey(link))
      if (!found) throw codeError('soracom_auth_failed')
      if (found.fail) throw codeError(found.fail)
      return found
    }
    const call = <T>(name: string, answer: (b: FakeBilling) => T): Promise<T> => {
      this.calls.push(`${name} ${linkKey(link)}`)
      return Promise.resolve().then(() => answer(billing()))
    }
    return {
      bill: (month: YearMonth) => call('bill', (b) => b.bills.find((x) => x.month === month)),
      history: () => call('history', (b) => b.bills),
      latest: () => call('latest', (b) => b.latest),
      paymentMethod: () => call('paymentMethod', (b) => b.method),
      daily: (month: YearMonth) =>
        call('daily', (b) => (b.days ?? []).filter((d) => d.date.startsWith(month))),
      costDrivers: (_month: YearMonth) =>
        call('costDrivers', (b) => ({ services: b.services ?? [], sims: b.sims ?? [] })),
      exportCsv: (month: YearMonth) => call('exportCsv', () => `https://soracom.example/csv/${month}`),
      exportLatestCsv: () => call('exportLatestCsv', () => 'https://soracom.example/csv/latest'),
      exportStatement: (month: YearMonth) =>
        call('exportStatement', () => `https://soracom.example/pdf/${month}`),
    }
  }

  forget(link: { operatorId: string; coverage: Coverage }): void {
    this.forgotten.push(linkKey(link))
  }
}

const codeError = (code: string) => Object.assign(new Error(code), { code })

/** A clock the test moves. */
export class TestClock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current)
  }
  set(at: string | Date): void {
    this.current = new Date(at)
  }
}

let sharedAnswers: GuideIndex | undefined

export interface MemoryDeps extends AppDeps {
  tickets: MemoryTickets
  checklists: MemoryChecklists
  reminders: MemoryReminders
  subscriptions: MemorySubscriptions
  operators: MemoryOperators
  links: MemoryLinks
  alerts: MemoryAlerts
  questions: MemoryQuestions
  threads: MemoryThreads
  settings: MemorySettings
  posting: MemoryPostingHolds
  soracom: MemorySoracom
  notifier: RecordingNotifier
  charts: RecordingCharts
  scheduler: RecordingScheduler
  redelivery: ManualRedelivery
  logger: RecordingLogger
  clock: TestClock
}

/**
 * Everything a use case may touch, in memory: the bots' usual clock (26 Nov 2026, 10:00 JST),
 * predictable ids, `U0ADMIN` the one admin.
 */
export function memoryDeps(options: { now?: string; admins?: string[] } = {}): MemoryDeps {
  const clock = new TestClock(new Date(options.now ?? '2026-11-26T01:00:00Z'))
  const reminders = new MemoryReminders()
  const settings = new MemorySettings()
  const accessDefaults = { admins: options.admins ?? ['U0ADMIN'] }
  let id = 0
  sharedAnswers ??= new GuideIndex(loadGuide())
  return {
    tickets: new MemoryTickets(clock),
    checklists: new MemoryChecklists(),
    reminders,
    subscriptions: new MemorySubscriptions(),
    operators: new MemoryOperators(),
    links: new MemoryLinks(),
    alerts: new MemoryAlerts(),
    questions: new MemoryQuestions(),
    threads: new MemoryThreads(),
    settings,
    accessDefaults,
    answers: sharedAnswers,
    soracom: new MemorySoracom(),
    notifier: new RecordingNotifier(),
    charts: new RecordingCharts(),
    scheduler: new RecordingScheduler(reminders, clock),
    clock,
    newId: () => `id-${String(++id).padStart(4, '0')}`,
    renderer: createRenderer(),
    logger: new RecordingLogger(),
    isAdmin: (user, workspaceAdmin) =>
      isAccessAdmin(effectiveAccess(settings.get(), accessDefaults), user, workspaceAdmin),
    queue: new KeyedQueue(),
    posting: new MemoryPostingHolds(),
    redelivery: new ManualRedelivery(),
  }
}

/** Posting holds in memory, with what is held at hand (`held`); `held.clear()` is what a new process knows. */
export class MemoryPostingHolds implements PostingHolds {
  readonly held = new Map<string, string>()
  private seq = 0
  async hold(id: string): Promise<string | undefined> {
    if (this.held.has(id)) return undefined
    const token = `hold-${++this.seq}`
    this.held.set(id, token)
    return token
  }
  async release(id: string, token: string): Promise<void> {
    if (this.held.get(id) === token) this.held.delete(id)
  }
}

/** Where the tests' flows start: #billing, by Alice. */
export const ORIGIN: Origin = { channel: 'C0BILLING', user: 'U0ALICE' }
