import type pg from 'pg'
import { openStore, SINGLE_WORKSPACE } from '../index.js'
import { createPool, migrateDatabase } from './pool.js'

/** How a record kind's rows are made from its JSON (`d`), beside the record kept whole. */
const TABLES = {
  tickets: {
    columns: 'team_id, id, requester, channel, source_view, status, created_at, updated_at, doc',
    select:
      "$2, d->>'id', d->>'requester', d->>'channel', d->>'sourceViewId', d->>'status', (d->>'createdAt')::timestamptz, (d->>'updatedAt')::timestamptz, d",
  },
  checklists: { columns: 'team_id, id, source_view, doc', select: "$2, d->>'id', d->>'sourceViewId', d" },
  reminders: {
    columns: 'team_id, id, key, owner, state, due_at, doc',
    select: "$2, d->>'id', d->>'key', d->>'owner', d->>'state', (d->>'dueAt')::timestamptz, d",
  },
  subscriptions: {
    columns: 'team_id, id, channel, active, doc',
    select: "$2, d->>'id', d->>'channel', NOT (d ? 'cancelledAt'), d",
  },
  operators: { columns: 'team_id, operator_id, doc', select: "$2, d->>'operatorId', d" },
  links: {
    columns: 'team_id, operator_id, coverage, doc',
    select: "$2, d->>'operatorId', d->>'coverage', d",
  },
  alerts: { columns: 'team_id, id, doc', select: "$2, d->>'id', d" },
  questions: { columns: 'team_id, id, at, doc', select: "$2, d->>'id', (d->>'at')::timestamptz, d" },
  threads: { columns: 'team_id, id, at, doc', select: "$2, d->>'id', (d->>'at')::timestamptz, d" },
  settings: { columns: 'team_id, doc', select: '$2, d' },
} as const

type Table = keyof typeof TABLES
const TABLE_NAMES = Object.keys(TABLES) as Table[]

/** Rows per INSERT: one statement per chunk keeps each well inside the statement timeout. */
const CHUNK = 1_000

export interface CopyReport {
  /** Rows copied per table, all workspaces together (workspaces: the OAuth installations). */
  copied: Record<Table | 'workspaces', number>
  /** The team IDs copied ('single': the single-workspace bot's data). */
  teams: string[]
}

export class CopyRefusedError extends Error {
  readonly code = 'copy_refused'
}

/**
 * Copies a data file (and its archive, and each installed workspace's file) into an empty
 * PostgreSQL database, in one transaction: the schema first (migrations), then every record,
 * then the counts checked table by table and workspace by workspace — any difference and nothing
 * is kept. Sealed values (SORACOM auth keys, Slack installations) are copied sealed: the same
 * CREDENTIALS_KEY opens them there. The file is only read; the bot must be stopped (the file's
 * lock says so otherwise).
 */
export async function copyFileToPostgres(file: string, url: string): Promise<CopyReport> {
  const store = await openStore(file)
  const pool = createPool(url, { max: 1, statementTimeoutMs: 60_000 })
  try {
    await migrateDatabase(url)
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      await refuseUnlessEmpty(client)
      const expected: Array<{ team: string; table: Table | 'workspaces'; count: number }> = []
      const teams = [SINGLE_WORKSPACE, ...store.workspaces.list().map((w) => w.teamId)]
      for (const team of teams) {
        const partition = store.db.partition(team)
        const { data, archive } = partition
        // The installation that took over the single-workspace data also took its archive folder.
        const archiveTaken =
          team === SINGLE_WORKSPACE && Object.values(store.db.data.workspaces).some((w) => w.archive === '')
        const archived = archiveTaken
          ? { tickets: [], reminders: [] }
          : { tickets: await archive.tickets(), reminders: await archive.reminders() }
        const records: Record<Table, readonly unknown[]> = {
          tickets: [...data.tickets, ...archived.tickets],
          checklists: data.checklists,
          reminders: [...data.reminders, ...archived.reminders],
          subscriptions: data.subscriptions,
          operators: data.operators,
          links: data.links,
          alerts: data.alerts,
          questions: data.questions,
          threads: data.threads,
          settings: data.settings && Object.keys(data.settings).length > 0 ? [data.settings] : [],
        }
        for (const table of TABLE_NAMES) {
          const rows = dedupe(table, records[table])
          for (let i = 0; i < rows.length; i += CHUNK) {
            const { columns, select } = TABLES[table]
            await client.query(
              `INSERT INTO ${table} (${columns}) SELECT ${select} FROM jsonb_array_elements($1::jsonb) AS d`,
              [JSON.stringify(rows.slice(i, i + CHUNK)), team],
            )
          }
          expected.push({ team, table, count: rows.length })
        }
        const entry = team === SINGLE_WORKSPACE ? undefined : store.workspaces.get(team)
        if (entry) {
          await client.query(
            'INSERT INTO workspaces (team_id, enterprise_id, installed_at, installation, parked) VALUES ($1, $2, $3, $4, $5)',
            [
              entry.teamId,
              entry.enterpriseId ?? null,
              entry.installedAt,
              entry.installation,
              entry.parked ?? null,
            ],
          )
          expected.push({ team, table: 'workspaces', count: 1 })
        }
      }
      const singleTeam = store.db.data.team
      if (singleTeam)
        await client.query("INSERT INTO meta (key, value) VALUES ('single_team', $1::jsonb)", [
          JSON.stringify(singleTeam),
        ])
      await checkCounts(client, expected)
      await client.query('COMMIT')
      const copied = Object.fromEntries(
        [...TABLE_NAMES, 'workspaces'].map((t) => [
          t,
          expected.filter((e) => e.table === t).reduce((n, e) => n + e.count, 0),
        ]),
      ) as CopyReport['copied']
      return { copied, teams }
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      client.release()
    }
  } finally {
    await pool.end()
    await store.close()
  }
}

/** A record both live and archived (archived while a backup was copied) is copied once, the live one winning. */
function dedupe(table: Table, rows: readonly unknown[]): unknown[] {
  if (table !== 'tickets' && table !== 'reminders') return [...rows]
  const byId = new Map<string, unknown>()
  for (const row of rows) {
    const id = (row as { id: string }).id
    if (!byId.has(id)) byId.set(id, row)
  }
  return [...byId.values()]
}

async function refuseUnlessEmpty(client: pg.PoolClient): Promise<void> {
  for (const table of [...TABLE_NAMES, 'workspaces', 'meta']) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)
    if (Number(rows[0]?.n ?? 0) > 0)
      throw new CopyRefusedError(
        `the database is not empty (${table} has ${rows[0]?.n} rows): copy into an empty database only`,
      )
  }
}

async function checkCounts(
  client: pg.PoolClient,
  expected: Array<{ team: string; table: Table | 'workspaces'; count: number }>,
): Promise<void> {
  for (const table of [...TABLE_NAMES, 'workspaces'] as const) {
    const { rows } = await client.query<{ team_id: string; n: string }>(
      `SELECT team_id, count(*) AS n FROM ${table} GROUP BY team_id`,
    )
    const found = new Map(rows.map((r) => [r.team_id, Number(r.n)]))
    for (const e of expected.filter((x) => x.table === table)) {
      if ((found.get(e.team) ?? 0) !== e.count)
        throw new CopyRefusedError(
          `${table} of ${e.team}: ${found.get(e.team) ?? 0} rows in the database, ${e.count} in the file — nothing was kept`,
        )
    }
  }
}
