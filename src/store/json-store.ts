import { access, constants, copyFile, mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import type { z } from 'zod'
import type { CalendarSubscription, SubscriptionRepository } from '../domain/calendar-subscription.js'
import type { Checklist, ChecklistRepository } from '../domain/checklist.js'
import type { OperatorRepository, RegisteredOperator } from '../domain/operator-registry.js'
import type { Reminder, ReminderRepository } from '../domain/reminder.js'
import type { Ticket, TicketRepository } from '../domain/ticket.js'
import { StoreCorruptError } from './errors.js'
import { acquireLock } from './lock.js'
import { migrate } from './migrations.js'
import { DB_SCHEMA_VERSION, type DbData, dbSchema, emptyDb } from './schema.js'

/**
 * The lowdb file is the source of truth. We read and validate it ourselves rather than through
 * `JSONFilePreset`, which silently falls back to memory under NODE_ENV=test and would overwrite
 * an unreadable file with defaults.
 */
export class JsonStore
  implements
    TicketRepository,
    ChecklistRepository,
    ReminderRepository,
    SubscriptionRepository,
    OperatorRepository
{
  private constructor(
    private readonly db: Low<DbData>,
    readonly file: string,
    private readonly lock: { release: () => Promise<void> },
  ) {}

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
      const db = new Low<DbData>(new JSONFile<DbData>(file), loaded?.data ?? emptyDb())
      if (loaded === undefined || loaded.migratedFrom !== undefined) await db.write()
      return new JsonStore(db, file, lock)
    } catch (error) {
      await lock.release()
      throw error
    }
  }

  /** Lets go of the file (after the last write) for another process. */
  async close(): Promise<void> {
    await this.lock.release()
  }

  async save(ticket: Ticket): Promise<void> {
    upsert(this.db.data.tickets, ticket)
    await this.db.write()
  }

  async saveChecklist(checklist: Checklist): Promise<void> {
    upsert(this.db.data.checklists, checklist)
    await this.db.write()
  }

  getChecklist(id: string): Checklist | undefined {
    return this.db.data.checklists.find((c) => c.id === id)
  }

  findChecklistBySourceView(viewId: string): Checklist | undefined {
    return this.db.data.checklists.find((c) => c.sourceViewId === viewId)
  }

  undeliveredChecklists(): Checklist[] {
    return this.db.data.checklists.filter((c) => c.undelivered)
  }

  findBySourceView(viewId: string): Ticket | undefined {
    return this.db.data.tickets.find((t) => t.sourceViewId === viewId)
  }

  async saveReminders(reminders: Reminder[]): Promise<void> {
    for (const reminder of reminders) upsert(this.db.data.reminders, reminder)
    await this.db.write()
  }

  getReminder(id: string): Reminder | undefined {
    return this.db.data.reminders.find((r) => r.id === id)
  }

  findReminderByKey(key: string): Reminder | undefined {
    return this.db.data.reminders.find((r) => r.key === key)
  }

  activeReminders(): Reminder[] {
    return this.db.data.reminders.filter((r) => r.state === 'pending' || r.state === 'scheduled')
  }

  remindersOf(owner: string): Reminder[] {
    return this.db.data.reminders
      .filter((r) => r.owner === owner)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
  }

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

  allTickets(): readonly Ticket[] {
    return this.db.data.tickets
  }

  get(id: string): Ticket | undefined {
    return this.db.data.tickets.find((t) => t.id === id)
  }

  listByRequester(userId: string): Ticket[] {
    return this.db.data.tickets
      .filter((t) => t.requester === userId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  }

  listByChannel(channel: string): Ticket[] {
    return this.db.data.tickets
      .filter((t) => t.channel === channel || t.message?.channel === channel)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
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
