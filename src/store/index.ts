import { AlertStore } from './alert-store.js'
import { ChecklistStore } from './checklist-store.js'
import { Database, type StoreOptions } from './database.js'
import { LinkStore } from './link-store.js'
import { OperatorStore } from './operator-store.js'
import { ReminderStore } from './reminder-store.js'
import { SubscriptionStore } from './subscription-store.js'
import { TicketStore } from './ticket-store.js'

/** Closed tickets and finished reminders older than this move to the monthly archive. */
export const ARCHIVE_AFTER_DAYS = 30

export type Store = Awaited<ReturnType<typeof openStore>>

/** Opens the data file (locked for this process) and the repositories over it. */
export async function openStore(file: string, options: StoreOptions = {}) {
  const db = await Database.open(file, options)
  const tickets = new TicketStore(db)
  const reminders = new ReminderStore(db)
  return {
    db,
    tickets,
    checklists: new ChecklistStore(db),
    reminders,
    subscriptions: new SubscriptionStore(db),
    operators: new OperatorStore(db),
    links: new LinkStore(db),
    alerts: new AlertStore(db),
    isHealthy: () => db.isHealthy(),
    /** Why the data file cannot be written now, for /healthz. */
    storeProblem: () => db.problem,
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
      for (const [month, records] of months) await db.archive.add(month, records)
      await tickets.collection.drop(new Set(oldTickets.map((t) => t.id)))
      await reminders.collection.drop(new Set(oldReminders.map((r) => r.id)))
      return { tickets: oldTickets.length, reminders: oldReminders.length }
    },
    close: () => db.close(),
  }
}
