import { afterEach, describe, expect, inject, it } from 'vitest'
import { changeTicket } from '../../src/app/change-ticket.js'
import type { AppDeps } from '../../src/app/deps.js'
import { followUp } from '../../src/app/follow-up.js'
import { listTickets } from '../../src/app/list-tickets.js'
import { requestDirectDebit } from '../../src/app/request-direct-debit.js'
import { subscribeCalendar } from '../../src/app/subscribe-calendar.js'
import { unsubscribeCalendar } from '../../src/app/unsubscribe-calendar.js'
import type { OperatorId } from '../../src/domain/operator-id.js'
import { createPool, migrateDatabase } from '../../src/store/postgres/pool.js'
import {
  PgAlertRepository,
  PgChecklistRepository,
  PgLinkRepository,
  PgOperatorRepository,
  PgReminderRepository,
  PgSubscriptionRepository,
} from '../../src/store/postgres/repositories.js'
import { PgTicketRepository } from '../../src/store/postgres/ticket-repository.js'
import { memoryDeps, ORIGIN, RecordingScheduler } from '../support/memory-ports.js'
import { freshDatabase } from '../support/postgres-server.js'

const server = inject('postgres')
const url = 'url' in server ? server.url : undefined

const OP = 'OP0123456789' as OperatorId

/**
 * The use cases over the PostgreSQL repositories (every read a real round trip), the rest of the
 * ports in memory: a read a use case forgot to await would show here as a Promise where a record
 * belongs.
 */
describe.skipIf(!url)('use cases on PostgreSQL (issue 27.2, a real server)', () => {
  let close: (() => Promise<void>) | undefined
  afterEach(async () => {
    await close?.()
    close = undefined
  })

  async function postgresDeps(team = 'T0AAAAAAA') {
    const db = await freshDatabase(url ?? '')
    await migrateDatabase(db.url)
    const pool = createPool(db.url, { max: 4 })
    close = async () => {
      await pool.end()
      await db.drop()
    }
    const base = memoryDeps()
    const reminders = new PgReminderRepository(pool, team)
    const deps: AppDeps = {
      ...base,
      tickets: new PgTicketRepository(pool, team, () => base.clock.now()),
      checklists: new PgChecklistRepository(pool, team),
      reminders,
      subscriptions: new PgSubscriptionRepository(pool, team),
      operators: new PgOperatorRepository(pool, team),
      links: new PgLinkRepository(pool, team),
      alerts: new PgAlertRepository(pool, team),
      scheduler: new RecordingScheduler(reminders, base.clock),
    }
    return { deps, notifier: base.notifier }
  }

  it('a direct-debit request: one ticket per submitted view (a unique index), posted, marked sent, follow-up reminders kept', async () => {
    const { deps, notifier } = await postgresDeps()
    const input = {
      request: {
        operatorId: OP,
        coverage: 'jp' as const,
        accountType: 'corporate' as const,
        invoicePayment: 'active' as const,
        consent: true as const,
      },
      origin: ORIGIN,
      viewId: 'V0001',
    }
    const outcome = await requestDirectDebit(deps, input)
    if (outcome.kind !== 'stored' || outcome.record.kind !== 'ticket')
      throw new Error(`expected a ticket, got ${outcome.kind}`)
    await followUp(deps, outcome)
    const id = outcome.record.ticket.id
    // The same submission stored again (at another replica, past the middleware's check): the
    // database's unique index refuses it, so the view makes one ticket whichever replica got it.
    await expect(requestDirectDebit(deps, input)).rejects.toThrow(/tickets_source_view/)
    expect((await listTickets(deps, { kind: 'mine' }, ORIGIN.user)).map((t) => t.id)).toEqual([id])
    expect((await deps.tickets.get(id))?.message).toBeDefined()
    expect(notifier.posts).toHaveLength(1)

    const changed = await changeTicket(deps, {
      ticketId: id,
      user: ORIGIN.user,
      request: { kind: 'milestone', milestone: 'sent' },
    })
    expect(changed).toMatchObject({ kind: 'changed' })
    expect((await deps.tickets.get(id))?.status).toBe('sent')
    expect((await deps.reminders.active()).some((r) => r.ticketId === id)).toBe(true)
  })

  it('the billing calendar: one subscription per channel, its reminders handed over, then withdrawn', async () => {
    const { deps } = await postgresDeps()
    const first = await subscribeCalendar(deps, {
      channel: 'C0BILLING',
      user: ORIGIN.user,
      paymentMethod: 'invoice',
    })
    expect(first).toMatchObject({ kind: 'subscribed' })
    const second = await subscribeCalendar(deps, {
      channel: 'C0BILLING',
      user: ORIGIN.user,
      paymentMethod: 'invoice',
    })
    expect(second).toMatchObject({ kind: 'already' })
    const active = await deps.reminders.active()
    expect(active.length).toBeGreaterThan(0)
    expect(active.every((r) => r.channel === 'C0BILLING')).toBe(true)

    const gone = await unsubscribeCalendar(deps, { channel: 'C0BILLING', user: ORIGIN.user })
    expect(gone).toMatchObject({ kind: 'unsubscribed' })
    expect(await deps.subscriptions.activeIn('C0BILLING')).toBeUndefined()
    expect(await deps.reminders.active()).toEqual([])
  })
})
