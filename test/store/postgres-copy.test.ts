import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sealSecret } from '../../src/soracom/credentials.js'
import { openStore, SINGLE_WORKSPACE } from '../../src/store/index.js'
import { copyFileToPostgres } from '../../src/store/postgres/copy-file.js'
import { freshDatabase } from '../support/postgres-server.js'
import { aTicket } from '../support/records.js'
import { POSTGRES_URL } from '../support/store-backends.js'

const url = POSTGRES_URL

const SECRET = 'secret-auth-key-never-in-clear-000000'

/**
 * A data file as a bot that ran for a while leaves it: single-workspace data (one ticket archived)
 * and two installations — the first taking the single-workspace data over when `adopt`.
 */
async function aDataFile(dir: string, adopt = false) {
  const file = join(dir, 'db.json')
  const key = randomBytes(32)
  const store = await openStore(file)
  if (!adopt) await store.workspaces.recordSingleTeam({ teamId: 'T0HOMEHOME' })
  const single = store.workspace(SINGLE_WORKSPACE)
  await single.tickets.save(aTicket('T0001', { requester: 'U0ALICE' }))
  await single.tickets.save({
    ...aTicket('T0002', { requester: 'U0ALICE', at: '2026-08-01T00:00:00.000Z' }),
    status: 'resolved',
    updatedAt: '2026-08-02T00:00:00.000Z',
  })
  await single.archiveOld(new Date('2026-11-26T00:00:00Z'))
  const credentials = sealSecret(SECRET, key, 'soracom-link:OP0123456789:jp')
  await single.links.save({
    operatorId: 'OP0123456789',
    coverage: 'jp',
    credentials,
    alertChannel: 'C0BILLING',
    linkedBy: 'U0ADMIN',
    linkedAt: '2026-11-01T00:00:00.000Z',
  })
  await single.settings.save({ channels: ['C0DESK'] })
  for (const team of ['T0AAAAAAA', 'T0BBBBBBB']) {
    await store.workspaces.install({
      teamId: team,
      installedAt: '2026-12-01T00:00:00.000Z',
      installation: `sealed-${team}`,
    })
    await store
      .workspace(team)
      .tickets.save(aTicket(`T0${team.slice(-1)}01`, { requester: `U0${team.slice(-3)}` }))
  }
  await store.close()
  return { file, credentials }
}

describe.skipIf(!url)('npm run migrate:file-to-postgres (issue 27.6, a real server)', () => {
  let dir: string
  let drop: (() => Promise<void>) | undefined
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'copy-pg-'))
  })
  afterEach(async () => {
    await drop?.()
    drop = undefined
    await rm(dir, { recursive: true, force: true })
  })

  async function database() {
    const db = await freshDatabase(url ?? '')
    drop = db.drop
    return db.url
  }

  it('copies every record of every workspace, archive included, counts checked, sealed values still sealed, the file untouched', async () => {
    const { file, credentials } = await aDataFile(dir)
    const before = await readFile(file, 'utf8')
    const db = await database()

    const report = await copyFileToPostgres(file, db)

    expect(report.teams).toEqual([SINGLE_WORKSPACE, 'T0AAAAAAA', 'T0BBBBBBB'])
    expect(report.copied).toMatchObject({ tickets: 4, links: 1, settings: 1, workspaces: 2 })
    const client = new pg.Client({ connectionString: db })
    await client.connect()
    try {
      const tickets = await client.query(
        'SELECT team_id, id, status FROM tickets ORDER BY team_id COLLATE "C", id',
      )
      expect(tickets.rows).toEqual([
        { team_id: 'T0AAAAAAA', id: 'T0A01', status: 'rendered' },
        { team_id: 'T0BBBBBBB', id: 'T0B01', status: 'rendered' },
        { team_id: SINGLE_WORKSPACE, id: 'T0001', status: 'rendered' },
        { team_id: SINGLE_WORKSPACE, id: 'T0002', status: 'resolved' },
      ])
      const link = await client.query("SELECT doc->>'credentials' AS sealed FROM links")
      expect(link.rows[0]?.sealed).toBe(credentials)
      const everything = await client.query(
        "SELECT string_agg(doc::text, '') AS text FROM (SELECT doc FROM tickets UNION ALL SELECT doc FROM links UNION ALL SELECT doc FROM settings) d",
      )
      expect(String(everything.rows[0]?.text)).not.toContain(SECRET)
      const ws = await client.query('SELECT team_id, installation FROM workspaces ORDER BY team_id')
      expect(ws.rows).toEqual([
        { team_id: 'T0AAAAAAA', installation: 'sealed-T0AAAAAAA' },
        { team_id: 'T0BBBBBBB', installation: 'sealed-T0BBBBBBB' },
      ])
    } finally {
      await client.end()
    }
    expect(await readFile(file, 'utf8')).toBe(before)
    // The file's lock was let go: the bot (or a rollback) can open it again.
    const reopened = await openStore(file)
    await reopened.close()
  })

  it("copies the data an installation took over (and its archive) once, as that workspace's", async () => {
    const { file } = await aDataFile(dir, true)
    const db = await database()
    await copyFileToPostgres(file, db)
    const client = new pg.Client({ connectionString: db })
    await client.connect()
    try {
      const tickets = await client.query('SELECT team_id, id FROM tickets ORDER BY team_id COLLATE "C", id')
      expect(tickets.rows).toEqual([
        { team_id: 'T0AAAAAAA', id: 'T0001' },
        { team_id: 'T0AAAAAAA', id: 'T0002' },
        { team_id: 'T0AAAAAAA', id: 'T0A01' },
        { team_id: 'T0BBBBBBB', id: 'T0B01' },
      ])
    } finally {
      await client.end()
    }
  })

  it('refuses a database that already holds data, and keeps nothing of the attempt', async () => {
    const { file } = await aDataFile(dir)
    const db = await database()
    await copyFileToPostgres(file, db)
    await expect(copyFileToPostgres(file, db)).rejects.toMatchObject({ code: 'copy_refused' })
    const client = new pg.Client({ connectionString: db })
    await client.connect()
    try {
      expect(Number((await client.query('SELECT count(*) AS n FROM tickets')).rows[0]?.n)).toBe(4)
    } finally {
      await client.end()
    }
  })

  it('refuses while the bot holds the data file', async () => {
    const { file } = await aDataFile(dir)
    const running = await openStore(file)
    try {
      await expect(copyFileToPostgres(file, await database())).rejects.toMatchObject({ code: 'store_locked' })
    } finally {
      await running.close()
    }
  })
})
