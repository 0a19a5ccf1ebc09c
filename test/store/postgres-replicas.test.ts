import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import type { Store } from '../../src/store/index.js'
import { openPostgresStore } from '../../src/store/postgres/store.js'
import { eventually } from '../support/eventually.js'
import { freshDatabase } from '../support/postgres-server.js'
import { aTicket } from '../support/records.js'
import { POSTGRES_URL } from '../support/store-backends.js'

const NOW = new Date('2026-11-26T01:00:00Z')

/**
 * Two replicas are two stores (two pools) on one database: what must happen once happens once
 * whichever asks, and what a replica that stopped was holding comes free after its lease.
 */
describe.skipIf(!POSTGRES_URL)('replicas sharing PostgreSQL (issue 27.3)', () => {
  const opened: Store[] = []
  let drop: (() => Promise<void>) | undefined
  let url: string | undefined
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close().catch(() => undefined)
    await drop?.()
  })
  const replicas = async (n: number, leaseMs = 60_000) => {
    const db = await freshDatabase(POSTGRES_URL ?? '')
    drop = db.drop
    url = db.url
    const stores: Store[] = []
    for (let i = 0; i < n; i++) {
      const store = await openPostgresStore(db.url, {
        now: () => NOW,
        pool: { max: 3 },
        leases: { jobMs: leaseMs, postingMs: leaseMs },
      })
      stores.push(store)
      opened.push(store)
    }
    return stores
  }

  it('periodic work uses a share of the pool: a request gets a connection while a sweep’s queries all wait', async () => {
    const [store] = await replicas(1) // a pool of 3: periodic work may use 1 of them
    const ws = store?.workspace('single')
    if (!ws || !url) throw new Error('no store')
    // Another session locks the table the sweep reads, so each of its queries holds its connection.
    const locker = new pg.Client({ connectionString: url })
    const watcher = new pg.Client({ connectionString: url })
    await locker.connect()
    await watcher.connect()
    try {
      await locker.query('BEGIN')
      await locker.query('LOCK TABLE questions IN ACCESS EXCLUSIVE MODE')
      let sweepDone = false
      const sweep = ws.exclusive('sweep', async () => {
        await Promise.all(Array.from({ length: 3 }, () => ws.questions.since('2000-01-01T00:00:00.000Z')))
        sweepDone = true
      })
      // The sweep's first query is waiting on the lock (holding its connection).
      await eventually(async () => {
        // (Not from the locker: inside its transaction the statistics stay a snapshot.)
        const { rows } = await watcher.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        )
        expect(rows[0]?.n).toBeGreaterThanOrEqual(1)
      })
      // Without the share, the three blocked queries would hold every connection, and this one
      // would wait out the connection timeout and fail.
      await expect(ws.links.list()).resolves.toEqual([])
      expect(sweepDone).toBe(false)
      await locker.query('COMMIT')
      await sweep
      expect(sweepDone).toBe(true)
    } finally {
      await locker.end()
      await watcher.end()
    }
  })

  it('the daily tidy drops questions older than the data file keeps them (90 days)', async () => {
    const [store] = await replicas(1)
    const ws = store?.workspace('single')
    if (!ws) throw new Error('no store')
    const record = (id: string, at: string) => ({
      id,
      at,
      question: 'q',
      outcome: 'declined' as const,
      user: 'U0ALICE',
    })
    await ws.questions.save(record('old', '2026-08-01T00:00:00.000Z'))
    await ws.questions.save(record('recent', '2026-11-20T00:00:00.000Z'))
    await ws.archiveOld(NOW)
    expect((await ws.questions.since('2000-01-01T00:00:00.000Z')).map((q) => q.id)).toEqual(['recent'])
  })

  it('the daily tidy drops DM threads\u2019 first questions after their 7 days', async () => {
    const [store] = await replicas(1)
    const ws = store?.workspace('single')
    if (!ws) throw new Error('no store')
    const thread = (id: string, at: string) => ({ id, at, question: 'q', user: 'U0ALICE' })
    await ws.threads.save(thread('D0A:1.1', new Date(NOW.getTime() - 8 * 86_400_000).toISOString()))
    await ws.threads.save(thread('D0A:2.1', new Date(NOW.getTime() - 6 * 86_400_000).toISOString()))
    await ws.archiveOld(NOW)
    expect([await ws.threads.get('D0A:1.1'), (await ws.threads.get('D0A:2.1'))?.id]).toEqual([
      undefined,
      'D0A:2.1',
    ])
  })

  it('runs a workspace job on one replica at a time, asked by three at once', async () => {
    const stores = await replicas(3)
    let running = 0
    let most = 0
    let runs = 0
    const job = async () => {
      running += 1
      most = Math.max(most, running)
      runs += 1
      await new Promise((resolve) => setTimeout(resolve, 200))
      running -= 1
    }
    const results = await Promise.all(
      stores.flatMap((s) => [
        s.workspace('single').exclusive('sweep', job),
        s.workspace('single').exclusive('sweep', job),
      ]),
    )
    expect(results.filter((r) => r.ran)).toHaveLength(1)
    expect(most).toBe(1)
    expect(runs).toBe(1)
    // Done and let go: the next run (any replica) takes it.
    expect((await stores[1]?.workspace('single').exclusive('sweep', async () => 'again'))?.ran).toBe(true)
    // Another workspace's job is its own.
    const [a, b] = await Promise.all([
      stores[0]?.workspace('T0AAAAAAA').exclusive('check', job),
      stores[1]?.workspace('T0BBBBBBB').exclusive('check', job),
    ])
    expect([a?.ran, b?.ran]).toEqual([true, true])
  })

  it("leaves a killed replica's job and post holds to the others once the lease ends", async () => {
    const [first, second] = await replicas(2, 1_000)
    if (!first || !second) throw new Error('two replicas')
    // The first replica takes the job and a post, then dies without letting go (its pool is cut).
    let release: () => void = () => undefined
    let begun: () => void = () => undefined
    const holding = new Promise<void>((r) => (begun = r))
    const held = first.workspace('single').exclusive('sweep', () => {
      begun()
      return new Promise<void>((r) => (release = r))
    })
    await holding
    const post = await first.workspace('single').posting.hold('T0001')
    expect(post).toBeDefined()
    await eventually(async () =>
      expect((await second.workspace('single').exclusive('sweep', async () => undefined)).ran).toBe(false),
    )
    expect(await second.workspace('single').posting.hold('T0001')).toBeUndefined()
    opened.splice(opened.indexOf(first), 1)
    await first.close().catch(() => undefined)
    // Its renewals stopped with it: within the lease (1 s here) the others take over.
    await eventually(async () =>
      expect((await second.workspace('single').exclusive('sweep', async () => 'mine')).ran).toBe(true),
    )
    await eventually(async () => expect(await second.workspace('single').posting.hold('T0001')).toBeDefined())
    release()
    await held.catch(() => undefined)
  })

  it("keeps a running job its replica's while it renews the claim past the lease", async () => {
    // Renewed every third of the lease (500 ms here): a loaded machine may delay a renewal by a
    // good part of a second without the claim lapsing; the job runs more than twice the lease.
    const [first, second] = await replicas(2, 1_500)
    if (!first || !second) throw new Error('two replicas')
    let others = 0
    let begun: () => void = () => undefined
    const holding = new Promise<void>((r) => (begun = r))
    const long = first.workspace('single').exclusive('check', () => {
      begun()
      return new Promise((r) => setTimeout(r, 3_600))
    })
    await holding
    const deadline = Date.now() + 3_300
    while (Date.now() < deadline) {
      if ((await second.workspace('single').exclusive('check', async () => undefined)).ran) others += 1
      await new Promise((r) => setTimeout(r, 100))
    }
    expect((await long).ran).toBe(true)
    expect(others).toBe(0)
  })

  it('takes a Slack delivery (an event ID) once across replicas, per workspace', async () => {
    const stores = await replicas(3)
    const firsts = await Promise.all(stores.map((s) => s.workspace('single').deliveries.first('Ev0001')))
    expect(firsts.filter(Boolean)).toHaveLength(1)
    expect(await stores[0]?.workspace('T0OTHER').deliveries.first('Ev0001')).toBe(true)
  })

  it("sees another replica's install, settings and park at once (nothing decided from memory)", async () => {
    const [first, second] = await replicas(2)
    if (!first || !second) throw new Error('two replicas')
    await first.workspaces.install({
      teamId: 'T0ACME',
      installedAt: NOW.toISOString(),
      installation: 'sealed-1',
    })
    expect((await second.workspaces.get('T0ACME'))?.installation).toBe('sealed-1')
    await second.workspaces.install({
      teamId: 'T0ACME',
      installedAt: NOW.toISOString(),
      installation: 'sealed-2',
    })
    expect(await first.workspaces.get('T0ACME')).toMatchObject({ installation: 'sealed-2' })
    await first.workspace('T0ACME').settings.save({ channels: ['C0DESK'] })
    const seen = second.workspace('T0ACME').settings
    await seen.load()
    expect(seen.get()).toEqual({ channels: ['C0DESK'] })
    await second.workspaces.park('T0ACME', 'token_revoked')
    expect((await first.workspaces.list()).map((w) => w.parked)).toEqual(['token_revoked'])
    expect(await first.workspaces.remove('T0ACME')).toBe(true)
    expect(await second.workspaces.get('T0ACME')).toBeUndefined()
  })

  it('stores one ticket when two replicas store the same submission at once, and says so to the second', async () => {
    const [first, second] = await replicas(2)
    if (!first || !second) throw new Error('two replicas')
    const ticket = { ...aTicket('T0001', { at: NOW.toISOString() }), sourceViewId: 'V0001' }
    const results = await Promise.allSettled([
      first.workspace('single').tickets.save(ticket),
      second.workspace('single').tickets.save({ ...ticket, id: 'T0002' }),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(refused?.reason).toMatchObject({ code: 'already_submitted' })
    expect(await first.workspace('single').tickets.all()).toHaveLength(1)
  })
})
