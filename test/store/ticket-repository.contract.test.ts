import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, inject, it } from 'vitest'
import type { OperatorId } from '../../src/domain/operator-id.js'
import { createTicket, type Ticket } from '../../src/domain/ticket.js'
import { openStore } from '../../src/store/index.js'
import { createPool, migrateDatabase } from '../../src/store/postgres/pool.js'
import { PgTicketRepository } from '../../src/store/postgres/ticket-repository.js'
import { freshDatabase } from '../support/postgres-server.js'

const server = inject('postgres')
const pgUrl = 'url' in server ? server.url : undefined

const NOW = new Date('2026-11-26T01:00:00.000Z')
const A = 'T0AAAAAAA'
const B = 'T0BBBBBBB'

/** What the contract needs of a backend's tickets: reads may answer at once or through a promise. */
interface Tickets {
  save(t: Ticket): Promise<void>
  get(id: string): Ticket | undefined | Promise<Ticket | undefined>
  findBySourceView(viewId: string): Ticket | undefined | Promise<Ticket | undefined>
  listByRequester(user: string): Ticket[] | Promise<Ticket[]>
  historyOfRequester(user: string): Promise<Ticket[]>
  historyOfChannel(channel: string): Promise<Ticket[]>
}

interface Backend {
  tickets(team: string): Tickets
  /** What time does to closed tickets (the file store archives them; PostgreSQL filters by age). */
  age(team: string): Promise<void>
  close(): Promise<void>
}

const BACKENDS: Array<{ name: string; available: boolean; open: () => Promise<Backend> }> = [
  {
    name: 'the data file (lowdb)',
    available: true,
    async open() {
      const dir = await mkdtemp(join(tmpdir(), 'contract-'))
      const store = await openStore(join(dir, 'db.json'))
      for (const team of [A, B])
        await store.workspaces.install({
          teamId: team,
          installedAt: NOW.toISOString(),
          installation: 'sealed',
        })
      return {
        tickets: (team) => store.workspace(team).tickets,
        age: async (team) => {
          await store.workspace(team).archiveOld(NOW)
        },
        async close() {
          await store.close()
          await rm(dir, { recursive: true, force: true })
        },
      }
    },
  },
  {
    name: 'PostgreSQL',
    available: pgUrl !== undefined,
    async open() {
      const db = await freshDatabase(pgUrl ?? '')
      await migrateDatabase(db.url)
      const pool = createPool(db.url, { max: 4 })
      return {
        tickets: (team) => new PgTicketRepository(pool, team, () => NOW),
        age: async () => undefined,
        async close() {
          await pool.end()
          await db.drop()
        },
      }
    },
  },
]

function aTicket(id: string, fields: Partial<Ticket> & { requester?: string; at?: string } = {}): Ticket {
  const { requester = 'U0ALICE', at = '2026-11-20T01:00:00.000Z', ...rest } = fields
  const ticket = createTicket(
    {
      kind: 'direct_debit',
      destination: 'soracom',
      operatorId: 'OP0123456789' as OperatorId,
      request: { coverage: 'jp', accountType: 'corporate', invoicePayment: 'active', consent: true },
      requester,
      channel: 'C0BILLING',
    },
    { subject: '口座振替の希望', body: 'オペレーター ID: OP0123456789', full: '' },
    { id, now: new Date(at) },
  )
  return { ...ticket, ...rest } as Ticket
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`tickets, one contract (issue 27.2): ${backend.name}`, () => {
    let opened: Backend | undefined
    afterEach(async () => {
      await opened?.close()
      opened = undefined
    })
    const open = async () => {
      opened = await backend.open()
      return opened
    }

    it('keeps what was saved, and the latest save of it', async () => {
      const b = await open()
      const t = aTicket('T0001')
      await b.tickets(A).save(t)
      expect(await b.tickets(A).get('T0001')).toEqual(t)
      const sent = { ...t, status: 'sent' as const, updatedAt: '2026-11-21T00:00:00.000Z' }
      await b.tickets(A).save(sent)
      expect(await b.tickets(A).get('T0001')).toEqual(sent)
      expect(await b.tickets(A).get('T0404')).toBeUndefined()
    })

    it('keeps each workspace to its own: the same ID and the same user in two workspaces', async () => {
      const b = await open()
      await b.tickets(A).save(aTicket('T0001', { requester: 'U0ALICE' }))
      await b.tickets(B).save(aTicket('T0001', { requester: 'U0BOB' }))
      await b.tickets(B).save(aTicket('T0002', { requester: 'U0ALICE' }))
      expect((await b.tickets(A).get('T0001'))?.requester).toBe('U0ALICE')
      expect((await b.tickets(B).get('T0001'))?.requester).toBe('U0BOB')
      expect((await b.tickets(A).listByRequester('U0ALICE')).map((t) => t.id)).toEqual(['T0001'])
      expect((await b.tickets(A).historyOfRequester('U0BOB')).map((t) => t.id)).toEqual([])
    })

    it('finds the ticket a modal submission made, by its view', async () => {
      const b = await open()
      await b.tickets(A).save(aTicket('T0001', { sourceViewId: 'V0SUBMIT' }))
      expect((await b.tickets(A).findBySourceView('V0SUBMIT'))?.id).toBe('T0001')
      expect(await b.tickets(B).findBySourceView('V0SUBMIT')).toBeUndefined()
    })

    it('lists live tickets newest first; one closed long ago only in the whole history', async () => {
      const b = await open()
      const tickets = b.tickets(A)
      await tickets.save(aTicket('T0OLD', { at: '2026-11-01T00:00:00.000Z' }))
      await tickets.save(aTicket('T0NEW', { at: '2026-11-25T00:00:00.000Z' }))
      await tickets.save(
        aTicket('T0DONE', {
          at: '2026-08-01T00:00:00.000Z',
          status: 'resolved',
          updatedAt: '2026-08-02T00:00:00.000Z',
        }),
      )
      await b.age(A)
      expect((await tickets.listByRequester('U0ALICE')).map((t) => t.id)).toEqual(['T0NEW', 'T0OLD'])
      expect((await tickets.historyOfRequester('U0ALICE')).map((t) => t.id)).toEqual([
        'T0NEW',
        'T0OLD',
        'T0DONE',
      ])
    })

    it("gives a channel's history the tickets asked there and those posted there", async () => {
      const b = await open()
      await b.tickets(A).save(aTicket('T0HERE', { at: '2026-11-24T00:00:00.000Z' }))
      await b.tickets(A).save(
        aTicket('T0POSTED', {
          channel: 'C0OTHER',
          message: { channel: 'C0BILLING', ts: '1700000000.000100' },
        }),
      )
      await b.tickets(A).save(aTicket('T0ELSE', { channel: 'C0OTHER' }))
      expect((await b.tickets(A).historyOfChannel('C0BILLING')).map((t) => t.id)).toEqual([
        'T0HERE',
        'T0POSTED',
      ])
    })
  })
}
