import { access, constants, mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import type { z } from 'zod'
import type { Ticket, TicketRepository } from '../domain/ticket.js'
import { StoreCorruptError } from './errors.js'
import { type DbData, dbSchema, emptyDb } from './schema.js'

/**
 * The lowdb file is the source of truth. We read and validate it ourselves rather than through
 * `JSONFilePreset`, which silently falls back to memory under NODE_ENV=test and would overwrite
 * an unreadable file with defaults.
 */
export class JsonStore implements TicketRepository {
  private constructor(
    private readonly db: Low<DbData>,
    readonly file: string,
  ) {}

  static async open(file: string): Promise<JsonStore> {
    const existing = await readDataFile(file)
    const db = new Low<DbData>(new JSONFile<DbData>(file), existing ?? emptyDb())
    if (existing === undefined) {
      await mkdir(dirname(file), { recursive: true })
      await db.write()
    }
    return new JsonStore(db, file)
  }

  async save(ticket: Ticket): Promise<void> {
    const tickets = this.db.data.tickets
    const index = tickets.findIndex((t) => t.id === ticket.id)
    if (index === -1) tickets.push(ticket)
    else tickets[index] = ticket
    await this.db.write()
  }

  get(id: string): Ticket | undefined {
    return this.db.data.tickets.find((t) => t.id === id)
  }

  listByRequester(userId: string): Ticket[] {
    return this.db.data.tickets
      .filter((t) => t.requester === userId)
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

/** Returns the validated data, undefined when there is no file yet, or throws StoreCorruptError. */
async function readDataFile(file: string): Promise<DbData | undefined> {
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
  const result = dbSchema.safeParse(json)
  if (!result.success) throw new StoreCorruptError(file, describeIssues(result.error.issues))
  return result.data
}

function describeIssues(issues: z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''
  return `it does not match the expected schema — ${shown.join('; ')}${more}`
}
