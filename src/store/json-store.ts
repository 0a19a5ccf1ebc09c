import { access, constants, copyFile, mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Low } from 'lowdb'
import type { z } from 'zod'
import type { CalendarSubscription, SubscriptionRepository } from '../domain/calendar-subscription.js'
import type { Checklist, ChecklistRepository } from '../domain/checklist.js'
import type { OperatorRepository, RegisteredOperator } from '../domain/operator-registry.js'
import type { Reminder, ReminderRepository } from '../domain/reminder.js'
import type { Ticket, TicketRepository } from '../domain/ticket.js'
import { Archive } from './archive.js'
import { StoreCorruptError } from './errors.js'
import { GroupCommitFile } from './group-commit-file.js'
import { acquireLock } from './lock.js'
import { migrate } from './migrations.js'
import { DB_SCHEMA_VERSION, type DbData, dbSchema, emptyDb } from './schema.js'

/** Closed tickets and finished reminders older than this move to the monthly archive. */
export const ARCHIVE_AFTER_DAYS = 30

/**
 * The lowdb file is the source of truth. We read and validate it ourselves rather than through
 * `JSONFilePreset`, which silently falls back to memory under NODE_ENV=test and would overwrite
 * an unreadable file with defaults. Writes go through a group-commit adapter (atomic, fsynced,
 * shared by concurrent callers); lookups go through in-memory indexes, not array scans.
 */
export class JsonStore
  implements
    TicketRepository,
    ChecklistRepository,
    ReminderRepository,
    SubscriptionRepository,
    OperatorRepository
{
  private readonly tickets = new Index<Ticket>()
  private readonly reminders = new Index<Reminder>()
  private readonly checklists = new Index<Checklist>()
  private readonly ticketsByView = new Map<string, Ticket>()
  private readonly checklistsByView = new Map<string, Checklist>()
  private readonly remindersByKey = new Map<string, Reminder>()
  readonly archive: Archive

  private constructor(
    private readonly db: Low<DbData>,
    private readonly adapter: GroupCommitFile<DbData>,
    readonly file: string,
    private readonly lock: { release: () => Promise<void> },
  ) {
    this.archive = new Archive(`${file}.archive`)
    this.reindex()
  }

  /**
   * Opens the data file for this process alone: takes its lock, reads and validates it, migrates
   * an older schema forward after a backup copy, or creates it (and its folder) when missing.
   * Anything unusable stops here with the file left as it was.
   */
  static async open(file: string): Promise<JsonStore> {
    await mkdir(dirname(file), { recursive: true })
    const lock = await acquireLock(file)
    try {
      const loaded = await readDataFile(file)
      const adapter = new GroupCommitFile<DbData>(file)
      const db = new Low<DbData>(adapter, loaded?.data ?? emptyDb())
      if (loaded === undefined || loaded.migratedFrom !== undefined) await db.write()
      return new JsonStore(db, adapter, file, lock)
    } catch (error) {
      await lock.release()
      throw error
    }
  }

  /** Lets go of the file (after the last write) for another process. */
  async close(): Promise<void> {
    await this.lock.release()
  }

  /** Physical writes of the live file so far (concurrent saves share one). */
  get fileWrites(): number {
    return this.adapter.writes
  }

  private reindex(): void {
    const data = this.db.data
    this.tickets.reset(data.tickets)
    this.reminders.reset(data.reminders)
    this.checklists.reset(data.checklists)
    this.ticketsByView.clear()
    for (const t of data.tickets) if (t.sourceViewId) this.ticketsByView.set(t.sourceViewId, t)
    this.checklistsByView.clear()
    for (const c of data.checklists) if (c.sourceViewId) this.checklistsByView.set(c.sourceViewId, c)
    this.remindersByKey.clear()
    for (const r of data.reminders) this.remindersByKey.set(r.key, r)
  }

  // --- tickets ---

  async save(ticket: Ticket): Promise<void> {
    this.tickets.upsert(this.db.data.tickets, ticket)
    if (ticket.sourceViewId) this.ticketsByView.set(ticket.sourceViewId, ticket)
    await this.db.write()
  }

  get(id: string): Ticket | undefined {
    return this.tickets.get(id)
  }

  findBySourceView(viewId: string): Ticket | undefined {
    return this.ticketsByView.get(viewId)
  }

  allTickets(): readonly Ticket[] {
    return this.db.data.tickets
  }

  /** Live tickets only (open, or closed within the last 30 days): App Home. */
  listByRequester(userId: string): Ticket[] {
    return newestFirst(this.db.data.tickets.filter((t) => t.requester === userId))
  }

  listByChannel(channel: string): Ticket[] {
    return newestFirst(this.db.data.tickets.filter((t) => inChannel(t, channel)))
  }

  /** Live and archived: the whole history, for `/billing tickets`. */
  async historyOfRequester(userId: string): Promise<Ticket[]> {
    return newestFirst(await this.withArchived((t) => t.requester === userId))
  }

  async historyOfChannel(channel: string): Promise<Ticket[]> {
    return newestFirst(await this.withArchived((t) => inChannel(t, channel)))
  }

  private async withArchived(keep: (t: Ticket) => boolean): Promise<Ticket[]> {
    const live = this.db.data.tickets.filter(keep)
    const liveIds = new Set(this.db.data.tickets.map((t) => t.id))
    const archived = (await this.archive.tickets()).filter((t) => keep(t) && !liveIds.has(t.id))
    return [...live, ...archived]
  }

  // --- checklists ---

  async saveChecklist(checklist: Checklist): Promise<void> {
    this.checklists.upsert(this.db.data.checklists, checklist)
    if (checklist.sourceViewId) this.checklistsByView.set(checklist.sourceViewId, checklist)
    await this.db.write()
  }

  getChecklist(id: string): Checklist | undefined {
    return this.checklists.get(id)
  }

  findChecklistBySourceView(viewId: string): Checklist | undefined {
    return this.checklistsByView.get(viewId)
  }

  undeliveredChecklists(): Checklist[] {
    return this.db.data.checklists.filter((c) => c.undelivered)
  }

  // --- reminders ---

  async saveReminders(reminders: Reminder[]): Promise<void> {
    for (const reminder of reminders) {
      this.reminders.upsert(this.db.data.reminders, reminder)
      this.remindersByKey.set(reminder.key, reminder)
    }
    await this.db.write()
  }

  getReminder(id: string): Reminder | undefined {
    return this.reminders.get(id)
  }

  findReminderByKey(key: string): Reminder | undefined {
    return this.remindersByKey.get(key)
  }

  activeReminders(): Reminder[] {
    return this.db.data.reminders.filter((r) => r.state === 'pending' || r.state === 'scheduled')
  }

  remindersOf(owner: string): Reminder[] {
    return this.db.data.reminders
      .filter((r) => r.owner === owner)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
  }

  // --- subscriptions and operators ---

  async saveSubscription(subscription: CalendarSubscription): Promise<void> {
    upsert(this.db.data.subscriptions, subscription)
    await this.db.write()
  }

  activeSubscription(channel: string): CalendarSubscription | undefined {
    return this.db.data.subscriptions.find((s) => s.channel === channel && !s.cancelledAt)
  }

  activeSubscriptions(): CalendarSubscription[] {
    return this.db.data.subscriptions.filter((s) => !s.cancelledAt)
  }

  async saveOperator(operator: RegisteredOperator): Promise<void> {
    const list = this.db.data.operators
    const index = list.findIndex((o) => o.operatorId === operator.operatorId)
    if (index === -1) list.push(operator)
    else list[index] = operator
    await this.db.write()
  }

  operators(): RegisteredOperator[] {
    return [...this.db.data.operators].sort((a, b) => a.operatorId.localeCompare(b.operatorId))
  }

  getOperator(operatorId: string): RegisteredOperator | undefined {
    return this.db.data.operators.find((o) => o.operatorId === operatorId)
  }

  // --- archiving ---

  /**
   * Moves tickets closed, and reminders finished, more than 30 days before `now` into the monthly
   * archive (by the month they closed). The archive is written first: a crash in between leaves a
   * record in both places, never in neither, and the next run settles it.
   */
  async archiveOld(now: Date): Promise<{ tickets: number; reminders: number }> {
    const cutoff = new Date(now.getTime() - ARCHIVE_AFTER_DAYS * 86_400_000).toISOString()
    const data = this.db.data
    const tickets = data.tickets.filter(
      (t) => (t.status === 'resolved' || t.status === 'cancelled') && t.updatedAt < cutoff,
    )
    const reminders = data.reminders.filter(
      (r) => (r.state === 'sent' || r.state === 'cancelled') && r.updatedAt < cutoff,
    )
    if (tickets.length === 0 && reminders.length === 0) return { tickets: 0, reminders: 0 }
    const months = new Map<string, { tickets: Ticket[]; reminders: Reminder[] }>()
    const bucket = (at: string) => {
      const month = at.slice(0, 7)
      let b = months.get(month)
      if (!b) {
        b = { tickets: [], reminders: [] }
        months.set(month, b)
      }
      return b
    }
    for (const t of tickets) bucket(t.updatedAt).tickets.push(t)
    for (const r of reminders) bucket(r.updatedAt).reminders.push(r)
    for (const [month, records] of months) await this.archive.add(month, records)
    const movedTickets = new Set(tickets.map((t) => t.id))
    const movedReminders = new Set(reminders.map((r) => r.id))
    data.tickets = data.tickets.filter((t) => !movedTickets.has(t.id))
    data.reminders = data.reminders.filter((r) => !movedReminders.has(r.id))
    this.reindex()
    await this.db.write()
    return { tickets: tickets.length, reminders: reminders.length }
  }

  /** For the health check: the file is still there and readable. */
  async isReadable(): Promise<boolean> {
    try {
      await access(this.file, constants.R_OK)
      return true
    } catch {
      return false
    }
  }
}

/** id → position in the lowdb array, so saving replaces in place without a scan. */
class Index<T extends { id: string }> {
  private readonly positions = new Map<string, number>()
  private records: T[] = []

  reset(records: T[]): void {
    this.records = records
    this.positions.clear()
    for (const [i, r] of records.entries()) this.positions.set(r.id, i)
  }

  get(id: string): T | undefined {
    const i = this.positions.get(id)
    return i === undefined ? undefined : this.records[i]
  }

  upsert(records: T[], record: T): void {
    if (records !== this.records) this.reset(records)
    const i = this.positions.get(record.id)
    if (i === undefined) {
      this.positions.set(record.id, records.length)
      records.push(record)
    } else {
      records[i] = record
    }
  }
}

function newestFirst(tickets: Ticket[]): Ticket[] {
  return tickets.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

function inChannel(t: Ticket, channel: string): boolean {
  return t.channel === channel || t.message?.channel === channel
}

function upsert<T extends { id: string }>(records: T[], record: T): void {
  const index = records.findIndex((r) => r.id === record.id)
  if (index === -1) records.push(record)
  else records[index] = record
}

/**
 * Returns the validated data (migrated if it was older), undefined when there is no file yet, or
 * throws StoreCorruptError. Before a migration, the file is copied aside as `<file>.v<N>.bak`.
 */
async function readDataFile(file: string): Promise<{ data: DbData; migratedFrom?: number } | undefined> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new StoreCorruptError(file, `it cannot be read (${(error as Error).message})`, { cause: error })
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new StoreCorruptError(file, `it is not valid JSON (${(error as Error).message})`, { cause: error })
  }
  const migrated = migrate(json)
  if (migrated.kind === 'too_new') {
    throw new StoreCorruptError(
      file,
      `it was written by a newer version of the bot (schema ${migrated.version}; this one reads up to ${DB_SCHEMA_VERSION})`,
    )
  }
  if (migrated.kind === 'unversioned') {
    throw new StoreCorruptError(file, 'it has no valid "schemaVersion" — it is not this bot\'s data file')
  }
  const result = dbSchema.safeParse(migrated.data)
  if (!result.success) throw new StoreCorruptError(file, describeIssues(result.error.issues))
  if (migrated.kind === 'current') return { data: result.data }
  await copyFile(file, await freeBackupName(`${file}.v${migrated.from}.bak`))
  return { data: result.data, migratedFrom: migrated.from }
}

/** Never overwrites an earlier backup. */
async function freeBackupName(name: string): Promise<string> {
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? name : `${name}.${n}`
    try {
      await access(candidate)
    } catch {
      return candidate
    }
  }
}

function describeIssues(issues: z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''
  return `it does not match the expected schema — ${shown.join('; ')}${more}`
}

/** What the store gives the app: every repository, the health check and the archiving step. */
export function storeDeps(store: JsonStore) {
  return {
    tickets: store,
    checklists: store,
    reminders: store,
    subscriptions: store,
    operators: store,
    isHealthy: () => store.isReadable(),
    archiveOld: (now: Date) => store.archiveOld(now),
  }
}
