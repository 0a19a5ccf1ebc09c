import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OperatorId } from '../../src/domain/operator-id.js'
import { createTicket, type Ticket } from '../../src/domain/ticket.js'
import { StoreCorruptError } from '../../src/store/errors.js'
import { openStore as openWholeStore, SINGLE_WORKSPACE } from '../../src/store/index.js'
import { StoreLockedError } from '../../src/store/lock.js'

/** The store with the single workspace's repositories at hand, as the single-workspace bot uses it. */
async function openStore(...args: Parameters<typeof openWholeStore>) {
  const store = await openWholeStore(...args)
  return { ...store, ...store.workspace(SINGLE_WORKSPACE) }
}

function aTicket(id: string, createdAt = '2026-11-26T01:00:00.000Z'): Ticket {
  return createTicket(
    {
      kind: 'direct_debit',
      destination: 'soracom',
      operatorId: 'OP0123456789' as OperatorId,
      request: { coverage: 'jp', accountType: 'corporate', invoicePayment: 'active', consent: true },
      requester: 'U0ALICE',
      channel: 'C0BILLING',
    },
    { subject: '口座振替の希望', body: 'オペレーター ID: OP0123456789', full: '' },
    { id, now: new Date(createdAt) },
  )
}

describe('the store (real temp file)', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'store-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('creates the data file and its directory on first open', async () => {
    const file = join(dir, 'nested', 'db.json')

    await openStore(file)

    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      schemaVersion: 5,
      tickets: [],
      checklists: [],
      reminders: [],
      subscriptions: [],
      operators: [],
      links: [],
      alerts: [],
      questions: [],
      threads: [],
      workspaces: {},
    })
  })

  it('keeps a saved ticket across a reopen', async () => {
    const file = join(dir, 'db.json')
    const store = await openStore(file)

    await store.tickets.save(aTicket('T1'))
    await store.close()
    const reopened = await openStore(file)

    expect(reopened.tickets.get('T1')).toEqual(aTicket('T1'))
    await reopened.close()
  })

  it('replaces a ticket saved again under the same id', async () => {
    const store = await openStore(join(dir, 'db.json'))

    await store.tickets.save(aTicket('T1'))
    await store.tickets.save({ ...aTicket('T1'), status: 'sent' })

    expect(store.tickets.listByRequester('U0ALICE').map((t) => t.status)).toEqual(['sent'])
  })

  it("lists a requester's tickets newest first", async () => {
    const store = await openStore(join(dir, 'db.json'))

    await store.tickets.save(aTicket('old', '2026-01-01T00:00:00.000Z'))
    await store.tickets.save(aTicket('new', '2026-06-01T00:00:00.000Z'))

    expect(store.tickets.listByRequester('U0ALICE').map((t) => t.id)).toEqual(['new', 'old'])
  })

  it('lists tickets created in the same instant latest first (a fixed clock, 41 tickets)', async () => {
    const store = await openStore(join(dir, 'db.json'))
    for (let n = 1; n <= 41; n++) await store.tickets.save(aTicket(`T${n}`))

    const listed = store.tickets.listByRequester('U0ALICE').map((t) => t.id)
    const history = (await store.tickets.historyOfRequester('U0ALICE')).map((t) => t.id)

    expect(listed[0]).toBe('T41')
    expect(listed.at(-1)).toBe('T1')
    expect(history[0]).toBe('T41')
  })

  it('refuses a file that is not JSON, naming it, and leaves it untouched', async () => {
    const file = join(dir, 'db.json')
    await writeFile(file, '{"schemaVersion": 1, "tick')

    const opening = openStore(file)

    await expect(opening).rejects.toBeInstanceOf(StoreCorruptError)
    await expect(opening).rejects.toThrow(file)
    expect(await readFile(file, 'utf8')).toBe('{"schemaVersion": 1, "tick')
  })

  it('refuses a file that does not match the schema, saying where, and leaves it untouched', async () => {
    const file = join(dir, 'db.json')
    const content = JSON.stringify({ schemaVersion: 2, tickets: [{ id: 'T1', kind: 'direct_debit' }] })
    await writeFile(file, content)

    await expect(openStore(file)).rejects.toThrow(/tickets\.0\./)
    expect(await readFile(file, 'utf8')).toBe(content)
  })
})

describe('schema versions', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'store-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const v1Ticket = {
    id: 'T1',
    kind: 'direct_debit',
    destination: 'soracom',
    operatorId: 'OP0123456789',
    request: { coverage: 'jp', accountType: 'corporate', invoicePayment: 'active', consent: true },
    subject: '口座振替の希望',
    body: 'x',
    requester: 'U1',
    channel: 'C1',
    status: 'rendered',
    createdAt: '2026-11-26T01:00:00.000Z',
    updatedAt: '2026-11-26T01:00:00.000Z',
  }

  it('migrates a version-1 file forward after copying it aside', async () => {
    const file = join(dir, 'db.json')
    const v1 = JSON.stringify({ schemaVersion: 1, tickets: [v1Ticket] })
    await writeFile(file, v1)

    const store = await openStore(file)

    expect(store.tickets.get('T1')).toMatchObject({ id: 'T1', progress: [], history: [] })
    expect(await readFile(`${file}.v1.bak`, 'utf8')).toBe(v1)
    const migrated = JSON.parse(await readFile(file, 'utf8'))
    expect(migrated).toMatchObject({
      schemaVersion: 5,
      workspaces: {},
      reminders: [],
      operators: [],
      links: [],
    })
    await store.close()
  })

  it('migrates a version-2 file (before SORACOM links) forward, keeping everything in it', async () => {
    const file = join(dir, 'db.json')
    const v2 = JSON.stringify({
      schemaVersion: 2,
      tickets: [{ ...v1Ticket, progress: [], history: [] }],
      checklists: [],
      reminders: [],
      subscriptions: [],
      operators: [],
    })
    await writeFile(file, v2)

    const store = await openStore(file)

    expect(store.tickets.get('T1')).toMatchObject({ id: 'T1' })
    expect(store.links.list()).toEqual([])
    expect(await readFile(`${file}.v2.bak`, 'utf8')).toBe(v2)
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ schemaVersion: 5, links: [] })
    await store.close()
  })

  it('keeps an earlier backup when migrating again', async () => {
    const file = join(dir, 'db.json')
    await writeFile(`${file}.v1.bak`, 'older backup')
    await writeFile(file, JSON.stringify({ schemaVersion: 1, tickets: [] }))

    await (await openStore(file)).close()

    expect(await readFile(`${file}.v1.bak`, 'utf8')).toBe('older backup')
    expect(await readFile(`${file}.v1.bak.1`, 'utf8')).toContain('"schemaVersion":1')
  })

  it('refuses a file written by a newer version, untouched', async () => {
    const file = join(dir, 'db.json')
    const content = JSON.stringify({ schemaVersion: 99, tickets: [] })
    await writeFile(file, content)

    await expect(openStore(file)).rejects.toThrow(/newer version of the bot \(schema 99/)
    expect(await readFile(file, 'utf8')).toBe(content)
  })

  it('refuses JSON that is not a data file of this bot', async () => {
    const file = join(dir, 'db.json')
    await writeFile(file, '[1, 2, 3]')

    await expect(openStore(file)).rejects.toThrow(/schemaVersion/)
  })

  it('refuses a v1 file whose migration does not validate, leaving it untouched', async () => {
    const file = join(dir, 'db.json')
    const content = JSON.stringify({ schemaVersion: 1, tickets: [{ id: 'T1' }] })
    await writeFile(file, content)

    await expect(openStore(file)).rejects.toBeInstanceOf(StoreCorruptError)
    expect(await readFile(file, 'utf8')).toBe(content)
  })
})

describe('the lock', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'store-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('takes over a lock left by a process that no longer runs', async () => {
    const file = join(dir, 'db.json')
    await writeFile(
      `${file}.lock`,
      JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), startedAt: 'then' }),
    )

    const store = await openStore(file)

    expect(JSON.parse(await readFile(`${file}.lock`, 'utf8')).pid).toBe(process.pid)
    await store.close()
  })

  it('refuses a file locked by another live process', async () => {
    const file = join(dir, 'db.json')
    const other = process.ppid
    await writeFile(`${file}.lock`, JSON.stringify({ pid: other, host: hostname(), startedAt: 'now' }))

    await expect(openStore(file)).rejects.toBeInstanceOf(StoreLockedError)
  })

  it('releases the lock on close', async () => {
    const file = join(dir, 'db.json')
    const store = await openStore(file)

    await store.close()

    await expect(readFile(`${file}.lock`, 'utf8')).rejects.toThrow()
  })
})

describe('archiving and group commit', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'store-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const closed = (id: string, at: string): Ticket => ({
    ...aTicket(id, at),
    status: 'resolved',
    updatedAt: at,
  })

  it('moves tickets closed more than 30 days ago to a monthly archive, keeping them in the history', async () => {
    const file = join(dir, 'db.json')
    const store = await openStore(file)
    await store.tickets.save(closed('old', '2026-09-15T00:00:00.000Z'))
    await store.tickets.save(closed('recent', '2026-11-20T00:00:00.000Z'))
    await store.tickets.save(aTicket('open', '2026-01-01T00:00:00.000Z'))

    const moved = await store.archiveOld(new Date('2026-11-26T00:00:00Z'))

    expect(moved).toEqual({ tickets: 1, reminders: 0 })
    expect(
      store.tickets
        .all()
        .map((t) => t.id)
        .sort(),
    ).toEqual(['open', 'recent'])
    expect(JSON.parse(await readFile(join(`${file}.archive`, '2026-09.json'), 'utf8')).tickets[0].id).toBe(
      'old',
    )
    expect((await store.tickets.historyOfRequester('U0ALICE')).map((t) => t.id)).toEqual([
      'recent',
      'old',
      'open',
    ])
    await store.close()
  })

  it('keeps the history whole across a reopen, with no duplicate after a crash mid-archive', async () => {
    const file = join(dir, 'db.json')
    const store = await openStore(file)
    await store.tickets.save(closed('old', '2026-09-15T00:00:00.000Z'))
    // The crash: the archive got the ticket, the live file still has it.
    await store.db.partition(SINGLE_WORKSPACE).archive.add('2026-09', {
      tickets: [closed('old', '2026-09-15T00:00:00.000Z')],
      reminders: [],
    })
    await store.close()

    const reopened = await openStore(file)

    expect((await reopened.tickets.historyOfRequester('U0ALICE')).map((t) => t.id)).toEqual(['old'])
    await reopened.archiveOld(new Date('2026-11-26T00:00:00Z'))
    expect((await reopened.tickets.historyOfRequester('U0ALICE')).map((t) => t.id)).toEqual(['old'])
    await reopened.close()
  })

  it('lets concurrent saves share file writes, each resolving only once on disk', async () => {
    const file = join(dir, 'db.json')
    const store = await openStore(file)
    const before = store.db.fileWrites

    await Promise.all(Array.from({ length: 50 }, (_, i) => store.tickets.save(aTicket(`T${i}`))))

    expect(store.db.fileWrites - before).toBeLessThan(50)
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { tickets: unknown[] }
    expect(onDisk.tickets).toHaveLength(50)
    await store.close()
  })
})
