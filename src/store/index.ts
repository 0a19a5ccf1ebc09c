import type {
  AlertRepository,
  Awaitable,
  ChecklistRepository,
  LinkRepository,
  OperatorRepository,
  PostingHolds,
  QuestionRepository,
  ReminderRepository,
  SettingsRepository,
  SubscriptionRepository,
  ThreadRepository,
  TicketRepository,
} from '../app/ports.js'
import { AlertStore } from './alert-store.js'
import { ChecklistStore } from './checklist-store.js'
import { Database, SINGLE_WORKSPACE, type StoreOptions } from './database.js'
import { LinkStore } from './link-store.js'
import { LocalPostingHolds, RecentDeliveries } from './local-coordination.js'
import { OperatorStore } from './operator-store.js'
import { QuestionStore } from './question-store.js'
import { ReminderStore } from './reminder-store.js'
import { SettingsStore } from './settings-store.js'
import { SubscriptionStore } from './subscription-store.js'
import { ThreadStore } from './thread-store.js'
import { TicketStore } from './ticket-store.js'
import { type InstallResult, type WorkspaceEntry, WorkspaceRegistry } from './workspace-registry.js'

export { SINGLE_WORKSPACE } from './database.js'

/** Closed tickets and finished reminders older than this move to the monthly archive. */
export const ARCHIVE_AFTER_DAYS = 30

/** The repositories of one workspace: each reads and writes that workspace's records only. */
export interface WorkspaceRepositories {
  tickets: TicketRepository
  checklists: ChecklistRepository
  reminders: ReminderRepository
  subscriptions: SubscriptionRepository
  operators: OperatorRepository
  links: LinkRepository
  alerts: AlertRepository
  questions: QuestionRepository
  threads: ThreadRepository
  settings: SettingsRepository & {
    /** Reads the settings again (PostgreSQL: another replica may have changed them); before each request. */
    load(): Promise<void>
  }
  /** Moves long-finished records out of the live set; how many of each. */
  archiveOld(now: Date): Promise<{ tickets: number; reminders: number }>
  /** Who posts a stored record's first message (one request, or one sweep, across replicas). */
  posting: PostingHolds
  /** Slack deliveries taken into account: true the first time a key (an event ID) is seen. */
  deliveries: { first(key: string): Promise<boolean> }
  /** Runs a periodic job for this workspace unless another process runs it now. */
  exclusive<T>(job: string, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>
}

/** The workspaces installed through OAuth, as the bot and Bolt's installation store use them. */
export interface InstalledWorkspaceStore {
  get(teamId: string): Awaitable<WorkspaceEntry | undefined>
  list(): Awaitable<WorkspaceEntry[]>
  park(teamId: string, reason: string): Promise<void>
  recordSingleTeam(ref: { teamId: string; enterpriseId?: string }): Promise<void>
  install(entry: Omit<WorkspaceEntry, 'parked'>): Promise<InstallResult>
  remove(teamId: string): Promise<boolean>
}

/** What the bot needs of a store, the data file's (`openStore`) or PostgreSQL's (`openPostgresStore`). */
export interface Store {
  workspaces: InstalledWorkspaceStore
  /** The repositories of one workspace (SINGLE_WORKSPACE: the single-workspace bot's). */
  workspace(key: string): WorkspaceRepositories
  /** Whether a write would go through now (the disk, or the database, answers). */
  isHealthy(): Promise<boolean>
  /** Why the store cannot be written now, for /healthz. */
  storeProblem(): string | undefined
  close(): Promise<void>
}

/** The data file's store (with its file at hand, for tests and the copy). */
export type FileStore = Awaited<ReturnType<typeof openStore>>

/** One workspace's repositories in the data file. */
export type WorkspaceStore = ReturnType<typeof workspaceStore>

function workspaceStore(db: Database, key: string) {
  const part = db.partition(key)
  const tickets = new TicketStore(part)
  const reminders = new ReminderStore(part)
  return {
    tickets,
    checklists: new ChecklistStore(part),
    reminders,
    subscriptions: new SubscriptionStore(part),
    operators: new OperatorStore(part),
    links: new LinkStore(part),
    alerts: new AlertStore(part),
    questions: new QuestionStore(part),
    threads: new ThreadStore(part),
    settings: new SettingsStore(part),
    // One process owns the file: what must happen once needs no more than this process's memory.
    posting: new LocalPostingHolds(),
    deliveries: new RecentDeliveries(),
    exclusive: async <T>(_job: string, work: () => Promise<T>) => ({
      ran: true as const,
      value: await work(),
    }),
    /**
     * Moves tickets closed, and reminders finished, more than 30 days before `now` into the
     * monthly archive (by the month they closed). The archive is written first: a crash in
     * between leaves a record in both places, never in neither, and the next run settles it.
     */
    async archiveOld(now: Date): Promise<{ tickets: number; reminders: number }> {
      const cutoff = new Date(now.getTime() - ARCHIVE_AFTER_DAYS * 86_400_000).toISOString()
      const oldTickets = tickets
        .all()
        .filter((t) => (t.status === 'resolved' || t.status === 'cancelled') && t.updatedAt < cutoff)
      const oldReminders = reminders.collection.records.filter(
        (r) => (r.state === 'sent' || r.state === 'cancelled') && r.updatedAt < cutoff,
      )
      if (oldTickets.length === 0 && oldReminders.length === 0) return { tickets: 0, reminders: 0 }
      const months = new Map<string, { tickets: typeof oldTickets; reminders: typeof oldReminders }>()
      const bucket = (at: string) => {
        const month = at.slice(0, 7)
        const found = months.get(month) ?? { tickets: [], reminders: [] }
        months.set(month, found)
        return found
      }
      for (const t of oldTickets) bucket(t.updatedAt).tickets.push(t)
      for (const r of oldReminders) bucket(r.updatedAt).reminders.push(r)
      for (const [month, records] of months) await part.archive.add(month, records)
      await tickets.collection.drop(new Set(oldTickets.map((t) => t.id)))
      await reminders.collection.drop(new Set(oldReminders.map((r) => r.id)))
      return { tickets: oldTickets.length, reminders: oldReminders.length }
    },
  }
}

/**
 * Opens the data file (locked for this process). Repositories come per workspace only
 * (`workspace(key)`): there is no way to read records without naming whose they are.
 */
export async function openStore(file: string, options: StoreOptions = {}) {
  const store = await openFileStore(file, options)
  return store satisfies Store
}

async function openFileStore(file: string, options: StoreOptions) {
  const db = await Database.open(file, options)
  const registry = new WorkspaceRegistry(db)
  const opened = new Map<string, WorkspaceStore>()
  return {
    db,
    /** The workspaces installed through OAuth. */
    workspaces: {
      get: (teamId: string) => registry.get(teamId),
      list: () => registry.list(),
      park: (teamId: string, reason: string) => registry.park(teamId, reason),
      recordSingleTeam: (ref: { teamId: string; enterpriseId?: string }) => registry.recordSingleTeam(ref),
      async install(entry: Parameters<WorkspaceRegistry['install']>[0]) {
        const result = await registry.install(entry)
        // Indexes over data that moved (the adopted single-workspace data) are built again.
        opened.delete(SINGLE_WORKSPACE)
        opened.delete(entry.teamId)
        return result
      },
      async remove(teamId: string): Promise<boolean> {
        opened.delete(teamId)
        return registry.remove(teamId)
      },
    },
    /** The repositories of one workspace (SINGLE_WORKSPACE: the single-workspace bot's). */
    workspace(key: string): WorkspaceStore {
      const known = opened.get(key)
      if (known) return known
      const made = workspaceStore(db, key)
      opened.set(key, made)
      return made
    },
    isHealthy: () => db.isHealthy(),
    /** Why the data file cannot be written now, for /healthz. */
    storeProblem: () => db.problem,
    close: () => db.close(),
  }
}
