/**
 * Lays out a data file as the bot would have it after years of use: `count` tickets spread over
 * the last four years, most of them closed long ago and therefore in the monthly archive, the
 * open and recently closed ones in the live file; plus `reminders` reminders.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Reminder } from '../src/domain/reminder.js'
import type { Ticket } from '../src/domain/ticket.js'
import { ARCHIVE_AFTER_DAYS } from '../src/store/index.js'
import { emptyDb } from '../src/store/schema.js'

const DAY = 86_400_000

export function ticketAt(n: number, createdAt: Date, status: Ticket['status']): Ticket {
  const operatorId = `OP${String(n % 10_000_000_000).padStart(10, '0')}`
  const at = createdAt.toISOString()
  return {
    id: `G${n}`,
    kind: 'direct_debit',
    destination: 'soracom',
    operatorId: operatorId as Ticket['operatorId'],
    request: { coverage: 'jp', accountType: 'corporate', invoicePayment: 'active', consent: true },
    subject: '口座振替の希望',
    body: `オペレーター ID: ${operatorId}\n対象カバレッジ: 日本\n上記の注意点: 同意`,
    requester: `U${String(n % 500).padStart(6, '0')}`,
    channel: `C${String(n % 50).padStart(6, '0')}`,
    status,
    progress: status === 'rendered' ? [] : [{ milestone: 'sent', by: 'U000001', at }],
    history:
      status === 'rendered'
        ? []
        : [{ at, by: 'U000001', what: 'milestone:sent', from: 'rendered', to: 'sent' }],
    message: { channel: `C${String(n % 50).padStart(6, '0')}`, ts: `1700000000.${n}` },
    sourceViewId: `VGEN${n}`,
    createdAt: at,
    updatedAt: at,
  }
}

function reminderAt(n: number, now: Date): Reminder {
  // Spread over the next 300 days: about 40% within Slack's 120 days (already handed over).
  const due = new Date(now.getTime() + (1 + (n % 300)) * DAY)
  due.setUTCHours(0, 0, 0, 0)
  const dueDate = due.toISOString().slice(0, 10)
  const within = due.getTime() - now.getTime() <= 120 * DAY
  return {
    id: `R${n}`,
    kind: 'calendar_due',
    key: `bench:${n}`,
    owner: `U${String(n % 500).padStart(6, '0')}`,
    channel: `C${String(n % 2000).padStart(6, '0')}`,
    dueDate,
    dueAt: due.toISOString(),
    text: '*本日は支払期限です。*',
    state: within ? 'scheduled' : 'pending',
    ...(within ? { scheduledMessageId: `Q${n}` } : {}),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  }
}

export async function generateStore(
  file: string,
  options: { tickets: number; reminders?: number; now: Date; allOpen?: boolean },
): Promise<{ live: number; archived: number }> {
  const { now } = options
  await rm(`${file}.archive`, { recursive: true, force: true })
  await mkdir(dirname(file), { recursive: true })
  const data = emptyDb()
  const archive = new Map<string, Ticket[]>()
  const span = 4 * 365 * DAY
  for (let n = 0; n < options.tickets; n++) {
    const createdAt = new Date(now.getTime() - span + Math.floor((n / options.tickets) * span))
    const age = now.getTime() - createdAt.getTime()
    // Open work is recent; most of what is older than a few months has been closed.
    // allOpen: every ticket live and waiting to be sent (no reminders follow it, so the bot's
    // start-up has no catch-up to do and the measurement is the file's size alone).
    const open = options.allOpen === true || (age < 60 * DAY && n % 3 === 0)
    const ticket = ticketAt(n, createdAt, options.allOpen ? 'rendered' : open ? 'sent' : 'resolved')
    if (!open && age > ARCHIVE_AFTER_DAYS * DAY) {
      const month = ticket.updatedAt.slice(0, 7)
      archive.set(month, [...(archive.get(month) ?? []), ticket])
    } else {
      data.tickets.push(ticket)
    }
  }
  for (let n = 0; n < (options.reminders ?? 0); n++) data.reminders.push(reminderAt(n, now))
  await writeFile(file, JSON.stringify(data))
  if (archive.size > 0) await mkdir(`${file}.archive`, { recursive: true })
  let archived = 0
  for (const [month, tickets] of archive) {
    archived += tickets.length
    await writeFile(
      join(`${file}.archive`, `${month}.json`),
      JSON.stringify({ schemaVersion: 1, tickets, reminders: [] }),
    )
  }
  return { live: data.tickets.length, archived }
}
