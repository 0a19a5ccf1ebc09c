import { AlertStore } from './alert-store.js'
import { ChecklistStore } from './checklist-store.js'
import { Database, SINGLE_WORKSPACE, type StoreOptions } from './database.js'
import { LinkStore } from './link-store.js'
import { OperatorStore } from './operator-store.js'
import { ReminderStore } from './reminder-store.js'
import { SettingsStore } from './settings-store.js'
import { SubscriptionStore } from './subscription-store.js'
import { TicketStore } from './ticket-store.js'
import { WorkspaceRegistry } from './workspace-registry.js'

export { SINGLE_WORKSPACE } from './database.js'

/** Closed tickets and finished reminders older than this move to the monthly archive. */
export const ARCHIVE_AFTER_DAYS = 30

export type Store = Awaited<ReturnType<typeof openStore>>

/** The repositories of one workspace: each reads and writes that workspace's records only. */
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
    settings: new SettingsStore(part),
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
