import { describe, expect, it } from 'vitest'
import { homeTickets } from '../../src/domain/home-view.js'
import { aTicket } from '../support/records.js'
import { openedPerTest, storeBackends } from '../support/store-backends.js'

const NOW = new Date('2026-11-26T01:00:00.000Z')
const A = 'T0AAAAAAA'
const B = 'T0BBBBBBB'

/** Tickets of the week before NOW unless said otherwise. */
const ticket: typeof aTicket = (id, fields = {}) => aTicket(id, { at: '2026-11-20T01:00:00.000Z', ...fields })

for (const backend of storeBackends([A, B], NOW)) {
  describe.skipIf(!backend.available)(`tickets, one contract (issue 27.2): ${backend.name}`, () => {
    const open = openedPerTest(backend)

    it('keeps what was saved, and the latest save of it', async () => {
      const b = await open()
      const t = ticket('T0001')
      await b.of(A).tickets.save(t)
      expect(await b.of(A).tickets.get('T0001')).toEqual(t)
      const sent = { ...t, status: 'sent' as const, updatedAt: '2026-11-21T00:00:00.000Z' }
      await b.of(A).tickets.save(sent)
      expect(await b.of(A).tickets.get('T0001')).toEqual(sent)
      expect(await b.of(A).tickets.get('T0404')).toBeUndefined()
    })

    it('keeps each workspace to its own: the same ID and the same user in two workspaces', async () => {
      const b = await open()
      await b.of(A).tickets.save(ticket('T0001', { requester: 'U0ALICE' }))
      await b.of(B).tickets.save(ticket('T0001', { requester: 'U0BOB' }))
      await b.of(B).tickets.save(ticket('T0002', { requester: 'U0ALICE' }))
      expect((await b.of(A).tickets.get('T0001'))?.requester).toBe('U0ALICE')
      expect((await b.of(B).tickets.get('T0001'))?.requester).toBe('U0BOB')
      expect((await b.of(A).tickets.listByRequester('U0ALICE')).map((t) => t.id)).toEqual(['T0001'])
      expect((await b.of(A).tickets.historyOfRequester('U0BOB')).map((t) => t.id)).toEqual([])
    })

    it('finds the ticket a modal submission made, by its view', async () => {
      const b = await open()
      await b.of(A).tickets.save(ticket('T0001', { sourceViewId: 'V0SUBMIT' }))
      expect((await b.of(A).tickets.findBySourceView('V0SUBMIT'))?.id).toBe('T0001')
      expect(await b.of(B).tickets.findBySourceView('V0SUBMIT')).toBeUndefined()
    })

    it('lists live tickets newest first; one closed long ago only in the whole history', async () => {
      const b = await open()
      const tickets = b.of(A).tickets
      await tickets.save(ticket('T0OLD', { at: '2026-11-01T00:00:00.000Z' }))
      await tickets.save(ticket('T0NEW', { at: '2026-11-25T00:00:00.000Z' }))
      await tickets.save(
        ticket('T0DONE', {
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

    it('gives App Home the newest 20 open of each status, the 5 last closed and the open counts, in bounded rows', async () => {
      const b = await open()
      const tickets = b.of(A).tickets
      const at = (day: number, hour: number) =>
        `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`
      const saved = [
        ...Array.from({ length: 25 }, (_, i) =>
          ticket(`TR${String(i).padStart(2, '0')}`, { at: at(1 + i, 0) }),
        ),
        ...Array.from({ length: 3 }, (_, i) => ticket(`TS${i}`, { at: at(2 + i, 1), status: 'sent' })),
        ...Array.from({ length: 7 }, (_, i) =>
          ticket(`TC${i}`, { at: at(1, 2), status: 'resolved', updatedAt: at(10 + i, 3) }),
        ),
        ticket('TBOB', { requester: 'U0BOB' }),
      ]
      for (const t of saved) await tickets.save(t)
      const home = await tickets.homeOf('U0ALICE')
      expect(home.openTotals).toEqual({ rendered: 25, sent: 3 })
      const ids = home.tickets.map((t) => t.id)
      expect(ids.filter((id) => id.startsWith('TR'))).toEqual(
        Array.from({ length: 20 }, (_, i) => `TR${String(24 - i).padStart(2, '0')}`),
      )
      expect(ids.filter((id) => id.startsWith('TS'))).toEqual(['TS2', 'TS1', 'TS0'])
      expect(ids.filter((id) => id.startsWith('TC'))).toEqual(['TC6', 'TC5', 'TC4', 'TC3', 'TC2'])
      expect(ids).toHaveLength(28)
      // The same choice as the domain makes from the whole list (what App Home showed before).
      expect(home).toEqual(homeTickets(await tickets.listByRequester('U0ALICE')))
      expect(await b.of(B).tickets.homeOf('U0ALICE')).toEqual({
        tickets: [],
        openTotals: { rendered: 0, sent: 0 },
      })
    })

    it("gives a channel's history the tickets asked there and those posted there", async () => {
      const b = await open()
      await b.of(A).tickets.save(ticket('T0HERE', { at: '2026-11-24T00:00:00.000Z' }))
      await b.of(A).tickets.save(
        ticket('T0POSTED', {
          channel: 'C0OTHER',
          message: { channel: 'C0BILLING', ts: '1700000000.000100' },
        }),
      )
      await b.of(A).tickets.save(ticket('T0ELSE', { channel: 'C0OTHER' }))
      expect((await b.of(A).tickets.historyOfChannel('C0BILLING')).map((t) => t.id)).toEqual([
        'T0HERE',
        'T0POSTED',
      ])
    })
  })
}
