import { describe, expect, it } from 'vitest'
import type { BillingAlert } from '../../src/domain/billing-alert.js'
import { createChecklist } from '../../src/domain/checklist.js'
import { CHECKLIST_DEFINITIONS } from '../../src/domain/checklist-definitions.js'
import type { OperatorId } from '../../src/domain/operator-id.js'
import { aReminder } from '../support/records.js'
import { openedPerTest, storeBackends } from '../support/store-backends.js'

const NOW = new Date('2026-11-26T01:00:00.000Z')
const A = 'T0AAAAAAA'
const B = 'T0BBBBBBB'

const aLink = (operatorId: string, coverage: 'jp' | 'g') => ({
  operatorId,
  coverage,
  credentials: `v1.sealed-${operatorId}-${coverage}`,
  alertChannel: 'C0BILLING',
  linkedBy: 'U0ADMIN',
  linkedAt: NOW.toISOString(),
})

const anAlert = (id: string): BillingAlert => ({
  id,
  kind: 'amount_final',
  operatorId: 'OP0123456789',
  coverage: 'jp',
  channel: 'C0BILLING',
  requester: 'U0ADMIN',
  createdAt: NOW.toISOString(),
  bill: { month: '2026-10', amount: 28734, currency: 'JPY', state: 'closed' },
})

for (const backend of storeBackends([A, B], NOW)) {
  describe.skipIf(!backend.available)(
    `every other repository, one contract (issue 27.2): ${backend.name}`,
    () => {
      const open = openedPerTest(backend)

      it('checklists: kept, found by their submitted view, each workspace its own', async () => {
        const b = await open()
        const checklist = {
          ...createChecklist(
            {
              kind: 'account_deletion',
              operatorIds: ['OP0123456789' as OperatorId],
              cancelDate: '2027-01-15',
              requester: 'U0ALICE',
              channel: 'C0BILLING',
            },
            CHECKLIST_DEFINITIONS.account_deletion.steps,
            { id: 'C1', now: NOW },
          ),
          sourceViewId: 'V0DELETE',
        }
        await b.of(A).checklists.save(checklist)
        expect(await b.of(A).checklists.get('C1')).toEqual(checklist)
        expect((await b.of(A).checklists.findBySourceView('V0DELETE'))?.id).toBe('C1')
        expect(await b.of(B).checklists.get('C1')).toBeUndefined()
        expect(await b.of(B).checklists.all()).toEqual([])
      })

      it("reminders: saved together, the active ones, an owner's soonest first, found by key", async () => {
        const b = await open()
        const r = b.of(A).reminders
        await r.save([
          aReminder('R2', '2026-12-10', {}, NOW),
          aReminder('R1', '2026-12-02', {}, NOW),
          aReminder('R3', '2026-12-05', { state: 'cancelled' }, NOW),
        ])
        expect((await r.active()).map((x) => x.id).sort()).toEqual(['R1', 'R2'])
        expect((await r.ofOwner('U0ALICE')).map((x) => x.id)).toEqual(['R1', 'R3', 'R2'])
        expect((await r.findByKey('k:R2'))?.id).toBe('R2')
        await r.save([aReminder('R1', '2026-12-02', { state: 'scheduled', scheduledMessageId: 'Q1' }, NOW)])
        expect((await r.get('R1'))?.state).toBe('scheduled')
        expect(await b.of(B).reminders.active()).toEqual([])
      })

      it('subscriptions: the active one of a channel; a cancelled one is not', async () => {
        const b = await open()
        const s = b.of(A).subscriptions
        const sub = {
          id: 'S1',
          channel: 'C0BILLING',
          subscribedBy: 'U0ALICE',
          paymentMethod: 'invoice' as const,
          createdAt: NOW.toISOString(),
        }
        await s.save(sub)
        expect(await s.activeIn('C0BILLING')).toEqual(sub)
        await s.save({ ...sub, cancelledAt: NOW.toISOString() })
        expect(await s.activeIn('C0BILLING')).toBeUndefined()
        expect(await s.active()).toEqual([])
      })

      it('operators: listed by ID, replaced on a second save', async () => {
        const b = await open()
        const o = b.of(A).operators
        const op = (operatorId: string, name: string) => ({
          operatorId,
          name,
          coverage: 'jp' as const,
          accountType: 'corporate' as const,
          paymentMethod: 'invoice' as const,
          registeredBy: 'U0ALICE',
          registeredAt: NOW.toISOString(),
        })
        await o.save(op('OP2222222222', '二号'))
        await o.save(op('OP1111111111', '一号'))
        await o.save(op('OP2222222222', '二号（改）'))
        expect((await o.list()).map((x) => [x.operatorId, x.name])).toEqual([
          ['OP1111111111', '一号'],
          ['OP2222222222', '二号（改）'],
        ])
        expect((await o.get('OP1111111111'))?.name).toBe('一号')
        expect(await b.of(B).operators.list()).toEqual([])
      })

      it('links: by operator and coverage, listed in order, removed once (the sealed key with them)', async () => {
        const b = await open()
        const l = b.of(A).links
        await l.save(aLink('OP2222222222', 'jp'))
        await l.save(aLink('OP1111111111', 'g'))
        await l.save(aLink('OP1111111111', 'jp'))
        expect((await l.list()).map((x) => `${x.operatorId}:${x.coverage}`)).toEqual([
          'OP1111111111:g',
          'OP1111111111:jp',
          'OP2222222222:jp',
        ])
        expect((await l.get('OP1111111111', 'g'))?.credentials).toBe('v1.sealed-OP1111111111-g')
        expect(await b.of(B).links.get('OP1111111111', 'g')).toBeUndefined()
        expect(await b.of(B).links.remove('OP1111111111', 'g')).toBe(false)
        expect(await l.remove('OP1111111111', 'g')).toBe(true)
        expect(await l.remove('OP1111111111', 'g')).toBe(false)
        expect(await l.get('OP1111111111', 'g')).toBeUndefined()
      })

      it('alerts and settings: kept per workspace; settings empty until saved', async () => {
        const b = await open()
        await b.of(A).alerts.save(anAlert('amount_final:OP0123456789:jp:2026-10'))
        expect((await b.of(A).alerts.all()).map((x) => x.id)).toEqual([
          'amount_final:OP0123456789:jp:2026-10',
        ])
        expect(await b.of(B).alerts.get('amount_final:OP0123456789:jp:2026-10')).toBeUndefined()
        const settings = b.of(A).settings
        await settings.load()
        expect(settings.get()).toEqual({})
        await settings.save({ channels: ['C0DESK'] })
        await settings.save({ channels: ['C0DESK', 'C0ACCT'], admins: ['U0ADMIN'] })
        expect(settings.get()).toEqual({ channels: ['C0DESK', 'C0ACCT'], admins: ['U0ADMIN'] })
        const other = b.of(B).settings
        await other.load()
        expect(other.get()).toEqual({})
        // What another process (a replica) sees once it reads them again.
        const fresh = b.fresh(A).settings
        await fresh.load()
        expect(fresh.get()).toEqual({ channels: ['C0DESK', 'C0ACCT'], admins: ['U0ADMIN'] })
      })

      it('questions: kept once per id, read by time, each workspace its own (issue 29)', async () => {
        const b = await open()
        const record = (id: string, at: string) => ({
          id,
          at,
          question: 'OP********** の納品書',
          outcome: 'declined' as const,
          user: 'U0ALICE',
        })
        await b.of(A).questions.save(record('q1', '2026-10-01T00:00:00.000Z'))
        await b.of(A).questions.save(record('q2', '2026-11-20T00:00:00.000Z'))
        await b.of(A).questions.save(record('q2', '2026-11-20T00:00:00.000Z'))
        expect((await b.of(A).questions.since('2026-10-27T00:00:00.000Z')).map((q) => q.id)).toEqual(['q2'])
        expect(await b.of(A).questions.since('2026-01-01T00:00:00.000Z')).toHaveLength(2)
        expect(await b.of(B).questions.since('2026-01-01T00:00:00.000Z')).toEqual([])
      })

      it('threads: a DM thread\u2019s first question is kept once, read by any replica, each workspace its own (issue 27)', async () => {
        const b = await open()
        const first = {
          id: 'D0ALICE:5.1',
          at: '2026-11-26T01:00:00.000Z',
          question: '領収書は？',
          user: 'U0ALICE',
        }
        await b.of(A).threads.save(first)
        await b
          .of(A)
          .threads.save({ ...first, at: '2026-11-26T01:05:00.000Z', question: 'カード払いの場合は？' })
        expect(await b.fresh(A).threads.get('D0ALICE:5.1')).toEqual(first)
        expect(await b.of(A).threads.get('D0ALICE:5.2')).toBeUndefined()
        expect(await b.of(B).threads.get('D0ALICE:5.1')).toBeUndefined()
      })
    },
  )
}
