import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { MIGRATIONS_TABLE, migrateDatabase } from '../../src/store/postgres/pool.js'
import { freshDatabase } from '../support/postgres-server.js'
import { POSTGRES_URL } from '../support/store-backends.js'

const url = POSTGRES_URL

describe.skipIf(!url)('PostgreSQL schema migrations (issue 27.1, a real server)', () => {
  let drop: (() => Promise<void>) | undefined
  afterEach(async () => {
    await drop?.()
    drop = undefined
  })

  async function database() {
    const db = await freshDatabase(url ?? '')
    drop = db.drop
    return db.url
  }

  it('runs each migration once when two replicas start at the same time (advisory lock), and not again', async () => {
    const db = await database()
    const [a, b] = await Promise.all([migrateDatabase(db), migrateDatabase(db)])
    expect([...a, ...b]).toEqual([
      '1764720000000_initial',
      '1764720000001_ticket_message_channel',
      '1764720000002_live_tickets',
      '1764720000003_questions',
      '1764720000004_threads',
    ])
    expect(await migrateDatabase(db)).toEqual([])
    const client = new pg.Client({ connectionString: db })
    await client.connect()
    try {
      const ran = await client.query(`SELECT name FROM ${MIGRATIONS_TABLE}`)
      expect(ran.rows.map((r) => r.name)).toEqual([
        '1764720000000_initial',
        '1764720000001_ticket_message_channel',
        '1764720000002_live_tickets',
        '1764720000003_questions',
        '1764720000004_threads',
      ])
    } finally {
      await client.end()
    }
  })

  it('scopes every table and every index by team_id, first', async () => {
    const db = await database()
    await migrateDatabase(db)
    const client = new pg.Client({ connectionString: db })
    await client.connect()
    try {
      const tables = await client.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables
         WHERE table_schema = 'public' AND table_name NOT IN ('meta', $1) ORDER BY table_name`,
        [MIGRATIONS_TABLE],
      )
      expect(tables.rows.map((r) => r.table_name)).toEqual([
        'alerts',
        'checklists',
        'claims',
        'deliveries',
        'links',
        'operators',
        'questions',
        'reminders',
        'settings',
        'subscriptions',
        'threads',
        'tickets',
        'workspaces',
      ])
      // The first column of every index (primary keys included) is team_id.
      const indexes = await client.query<{ table: string; index: string; first: string }>(
        `SELECT t.relname AS table, i.relname AS index, a.attname AS first
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
         WHERE n.nspname = 'public' AND t.relname NOT IN ('meta', $1)`,
        [MIGRATIONS_TABLE],
      )
      expect(indexes.rows.length).toBeGreaterThan(tables.rows.length)
      for (const row of indexes.rows) expect(row.first, `${row.table}.${row.index}`).toBe('team_id')
    } finally {
      await client.end()
    }
  })
})
