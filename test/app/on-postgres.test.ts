import { afterEach, describe, expect, it } from 'vitest'
import { changeTicket } from '../../src/app/change-ticket.js'
import type { AppDeps } from '../../src/app/deps.js'
import { followUp } from '../../src/app/follow-up.js'
import { listTickets } from '../../src/app/list-tickets.js'
import { requestDirectDebit } from '../../src/app/request-direct-debit.js'
import { subscribeCalendar } from '../../src/app/subscribe-calendar.js'
import { unsubscribeCalendar } from '../../src/app/unsubscribe-calendar.js'
import type { OperatorId } from '../../src/domain/operator-id.js'
import { memoryDeps, ORIGIN, RecordingScheduler } from '../support/memory-ports.js'
import { openPostgres, POSTGRES_URL, postgresRepositories } from '../support/store-backends.js'

const OP = 'OP0123456789' as OperatorId

/**
 * The use cases over the PostgreSQL repositories (every read a real round trip), the rest of the
 * ports in memory: a read a use case forgot to await would show here as a Promise where a record
 * belongs.
 */
describe.skipIf(!POSTGRES_URL)('use cases on PostgreSQL (issue 27.2, a real server)', () => {
  let close: (() => Promise<void>) | undefined
  afterEach(async () => {
    await close?.()
    close = undefined
  })

  async function postgresDeps(team = 'T0AAAAAAA') {
    const db = await openPostgres()
    close = db.close
    const base = memoryDeps()
    const { settings: _settingsStaySynchronous, ...repositories } = postgresRepositories(db.pool, team, () =>
      base.clock.now(),
    )
    const deps: AppDeps = {
      ...base,
      ...repositories,
      scheduler: new RecordingScheduler(repositories.reminders, base.clock),
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
    await expect(requestDirectDebit(deps, input)).rejects.toMatchObject({ code: 'already_submitted' })
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
