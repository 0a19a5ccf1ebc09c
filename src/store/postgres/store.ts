import type pg from 'pg'
import { threadsKeptSince } from '../../domain/guide-thread.js'
import type { Store, WorkspaceRepositories } from '../index.js'
import { QUESTIONS_KEPT_DAYS } from '../question-store.js'
import { RECORD_COLLECTIONS } from '../schema.js'
import type { InstallResult, WorkspaceEntry } from '../workspace-registry.js'
import { PgClaims, PgPostingHolds } from './claims.js'
import { DatabaseHealth, DatabaseUnavailableError } from './health.js'
import { createPool, migrateDatabase, type PostgresOptions } from './pool.js'
import {
  PgAlertRepository,
  PgChecklistRepository,
  PgLinkRepository,
  PgOperatorRepository,
  PgQuestionRepository,
  PgReminderRepository,
  PgSettingsRepository,
  PgSubscriptionRepository,
  PgThreadRepository,
} from './repositories.js'
import { PgTicketRepository } from './ticket-repository.js'

/** The single-workspace bot's rows (as in the file store's SINGLE_WORKSPACE). */
const SINGLE = 'single'

/** Every table whose rows belong to one workspace (removed with it). */
const WORKSPACE_TABLES = [...RECORD_COLLECTIONS, 'settings', 'deliveries', 'claims'] as const

/** Serialises installs across replicas (the first one may adopt the single-workspace data). */
const INSTALL_LOCK = 727_001

/** A periodic job's lease: renewed while it runs; a replica killed mid-job frees it this long after. */
export const JOB_LEASE_MS = 60_000

/** How long Slack event IDs are kept (Slack retries within minutes). */
const DELIVERIES_KEPT_HOURS = 24

export interface PostgresStoreOptions {
  /** The bot's clock (which closed tickets still count as live). */
  now: () => Date
  pool?: PostgresOptions
  /** The database became unreachable (a problem) or answers again (undefined). */
  onHealth?: (problem: string | undefined) => void
  /** Leases (tests shorten them). */
  leases?: { jobMs?: number; postingMs?: number }
}

interface WorkspaceRow {
  team_id: string
  enterprise_id: string | null
  installed_at: Date
  installation: string
  parked: string | null
}

const entryOf = (row: WorkspaceRow): WorkspaceEntry => ({
  teamId: row.team_id,
  ...(row.enterprise_id ? { enterpriseId: row.enterprise_id } : {}),
  installedAt: row.installed_at.toISOString(),
  installation: row.installation,
  ...(row.parked ? { parked: row.parked } : {}),
})

/**
 * The store on PostgreSQL (DATABASE_URL): the same repositories as the data file's, for any
 * number of replicas sharing the database. Migrations run first (once, under an advisory lock).
 * Nothing is held in memory that decides an answer: each request reads its workspace's
 * installation and settings (slack/middleware/workspace.ts); the installations last read are kept
 * only to keep serving while the database is unreachable.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions): Promise<Store> {
  await migrateDatabase(url)
  const pool = createPool(url, options.pool)
  const health = new DatabaseHealth(pool, options.onHealth)
  const jobMs = options.leases?.jobMs ?? JOB_LEASE_MS
  const postingMs = options.leases?.postingMs ?? 120_000
  const lastRead = new Map<string, WorkspaceEntry>()

  const workspaces: Store['workspaces'] = {
    async get(teamId) {
      try {
        const { rows } = await health.query<WorkspaceRow>('SELECT * FROM workspaces WHERE team_id = $1', [
          teamId,
        ])
        const row = rows[0]
        if (!row) {
          lastRead.delete(teamId)
          return undefined
        }
        const entry = entryOf(row)
        lastRead.set(teamId, entry)
        return entry
      } catch (error) {
        // Unreachable: the installation this replica read last still opens Slack (Slack judges the token).
        const known = lastRead.get(teamId)
        if (error instanceof DatabaseUnavailableError && known) return known
        throw error
      }
    },
    async list() {
      const { rows } = await health.query<WorkspaceRow>(
        'SELECT * FROM workspaces ORDER BY team_id COLLATE "C"',
      )
      return rows.map(entryOf)
    },
    async park(teamId, reason) {
      await health.query('UPDATE workspaces SET parked = $2 WHERE team_id = $1', [teamId, reason])
    },
    async recordSingleTeam(ref) {
      await health.query(
        `INSERT INTO meta (key, value) VALUES ('single_team', $1::jsonb)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
        [JSON.stringify(ref)],
      )
    },
    install: (entry) =>
      health.transaction(async (client): Promise<InstallResult> => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [INSTALL_LOCK])
        const existing = await client.query('SELECT 1 FROM workspaces WHERE team_id = $1', [entry.teamId])
        if (existing.rowCount) {
          await client.query(
            `UPDATE workspaces SET installation = $2, parked = NULL, enterprise_id = COALESCE($3, enterprise_id)
             WHERE team_id = $1`,
            [entry.teamId, entry.installation, entry.enterpriseId ?? null],
          )
          return { kind: 'reinstalled' }
        }
        const adopted = await adoptSingle(client, entry.teamId)
        await client.query(
          'INSERT INTO workspaces (team_id, enterprise_id, installed_at, installation) VALUES ($1, $2, $3, $4)',
          [entry.teamId, entry.enterpriseId ?? null, entry.installedAt, entry.installation],
        )
        return adopted > 0 ? { kind: 'adopted', records: adopted } : { kind: 'installed' }
      }),
    remove: (teamId) =>
      health.transaction(async (client) => {
        const gone = await client.query('DELETE FROM workspaces WHERE team_id = $1', [teamId])
        if (!gone.rowCount) return false
        for (const table of WORKSPACE_TABLES)
          await client.query(`DELETE FROM ${table} WHERE team_id = $1`, [teamId])
        lastRead.delete(teamId)
        return true
      }),
  }

  const workspace = (key: string): WorkspaceRepositories => {
    const team = key
    const claims = new PgClaims(health, team)
    return {
      tickets: new PgTicketRepository(health, team, options.now),
      checklists: new PgChecklistRepository(health, team),
      reminders: new PgReminderRepository(health, team),
      subscriptions: new PgSubscriptionRepository(health, team),
      operators: new PgOperatorRepository(health, team),
      links: new PgLinkRepository(health, team),
      alerts: new PgAlertRepository(health, team),
      questions: new PgQuestionRepository(health, team),
      threads: new PgThreadRepository(health, team),
      settings: new PgSettingsRepository(health, team),
      posting: new PgPostingHolds(claims, postingMs),
      deliveries: {
        async first(deliveryKey) {
          const result = await health.query(
            'INSERT INTO deliveries (team_id, delivery_key) VALUES ($1, $2) ON CONFLICT DO NOTHING',
            [team, deliveryKey],
          )
          return result.rowCount === 1
        },
      },
      exclusive: (job, work) => claims.exclusive(job, jobMs, work),
      // Closed tickets stay in their table (the live lists filter by age); only old delivery IDs go.
      async archiveOld(now: Date) {
        await health.query(
          `DELETE FROM deliveries WHERE team_id = $1 AND taken_at < now() - make_interval(hours => $2)`,
          [team, DELIVERIES_KEPT_HOURS],
        )
        // Holds whose holder stopped: a later hold on the record replaces them anyway; this keeps
        // the table to the holds that matter (judged by the database's clock, as holds are).
        await health.query(
          `DELETE FROM claims WHERE team_id = $1 AND lease_until < now() - interval '1 hour'`,
          [team],
        )
        // Questions are kept as long as on the data file (the report reads the last 30 days).
        await health.query('DELETE FROM questions WHERE team_id = $1 AND at < $2', [
          team,
          new Date(now.getTime() - QUESTIONS_KEPT_DAYS * 86_400_000).toISOString(),
        ])
        await health.query('DELETE FROM threads WHERE team_id = $1 AND at < $2', [
          team,
          threadsKeptSince(now),
        ])
        return { tickets: 0, reminders: 0 }
      },
    }
  }

  return {
    workspaces,
    workspace,
    isHealthy: () => health.check(),
    storeProblem: () => (health.problem ? `PostgreSQL unreachable (${health.problem})` : undefined),
    async close() {
      health.stop()
      await pool.end()
    },
  }
}

/**
 * The first installation takes over the single-workspace data when it is that workspace's (or
 * nobody recorded whose it was), as the file store does. How many records moved.
 */
async function adoptSingle(client: pg.PoolClient, teamId: string): Promise<number> {
  const others = await client.query('SELECT 1 FROM workspaces LIMIT 1')
  if (others.rowCount) return 0
  const owner = await client.query<{ value: { teamId?: string } }>(
    "SELECT value FROM meta WHERE key = 'single_team'",
  )
  const recorded = owner.rows[0]?.value.teamId
  if (recorded !== undefined && recorded !== teamId) return 0
  let moved = 0
  // The records an install may adopt (what the single-workspace bot's users made).
  for (const table of RECORD_COLLECTIONS) {
    const result = await client.query(`UPDATE ${table} SET team_id = $2 WHERE team_id = $1`, [SINGLE, teamId])
    moved += result.rowCount ?? 0
  }
  if (moved === 0) return 0
  await client.query('UPDATE settings SET team_id = $2 WHERE team_id = $1', [SINGLE, teamId])
  await client.query("DELETE FROM meta WHERE key = 'single_team'")
  return moved
}
