import { mkdir, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { type Reminder, reminderSchema } from '../domain/reminder.js'
import { type Ticket, ticketSchema } from '../domain/ticket.js'
import { StoreCorruptError } from './errors.js'
import { writeAtomically } from './group-commit-file.js'

const ARCHIVE_VERSION = 1

const archiveFileSchema = z.object({
  schemaVersion: z.literal(ARCHIVE_VERSION),
  tickets: z.array(ticketSchema),
  reminders: z.array(reminderSchema),
})

type ArchiveFile = z.infer<typeof archiveFileSchema>

/**
 * Closed tickets and finished reminders move out of the live file into one archive file per month
 * (`<DATA_FILE>.archive/YYYY-MM.json`), so every write of the live file stays small however long
 * the bot has been running. Archives are read only when someone lists their whole history.
 */
export class Archive {
  private cache: Ticket[] | undefined

  constructor(readonly dir: string) {}

  /** Adds records to a month's file (durably), merging with what it already holds. */
  async add(month: string, records: { tickets: Ticket[]; reminders: Reminder[] }): Promise<void> {
    await mkdir(this.dir, { recursive: true })
    const file = join(this.dir, `${month}.json`)
    const existing = (await this.readMonth(file)) ?? {
      schemaVersion: ARCHIVE_VERSION,
      tickets: [],
      reminders: [],
    }
    const merged: ArchiveFile = {
      schemaVersion: ARCHIVE_VERSION,
      tickets: mergeById(existing.tickets, records.tickets),
      reminders: mergeById(existing.reminders, records.reminders),
    }
    await writeAtomically(file, JSON.stringify(merged))
    this.cache = undefined
  }

  /** Every archived ticket (read once, then kept until the next archiving). */
  async tickets(): Promise<Ticket[]> {
    this.cache ??= (await this.months()).flatMap((m) => m.tickets)
    return this.cache
  }

  /** Every archived reminder (for a copy of the whole store, e.g. to PostgreSQL). */
  async reminders(): Promise<Reminder[]> {
    return (await this.months()).flatMap((m) => m.reminders)
  }

  private async months(): Promise<ArchiveFile[]> {
    let names: string[]
    try {
      names = (await readdir(this.dir)).filter((n) => /^\d{4}-\d{2}\.json$/.test(n)).sort()
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
    const all: ArchiveFile[] = []
    for (const name of names) {
      const month = await this.readMonth(join(this.dir, name))
      if (month) all.push(month)
    }
    return all
  }

  private async readMonth(file: string): Promise<ArchiveFile | undefined> {
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (error) {
      throw new StoreCorruptError(file, `it is not valid JSON (${(error as Error).message})`, {
        cause: error,
      })
    }
    const result = archiveFileSchema.safeParse(json)
    if (!result.success) throw new StoreCorruptError(file, 'it does not match the archive schema')
    return result.data
  }
}

function mergeById<T extends { id: string }>(existing: T[], added: T[]): T[] {
  const byId = new Map(existing.map((r) => [r.id, r]))
  for (const r of added) byId.set(r.id, r)
  return [...byId.values()]
}
