import { describe, expect, it } from 'vitest'
import { askGuide } from '../../src/app/ask-guide.js'
import { followUp } from '../../src/app/follow-up.js'
import { listTickets } from '../../src/app/list-tickets.js'
import { flowPrefill, operatorIdPrefill } from '../../src/app/prefill-flow.js'
import { openHome, refreshHome } from '../../src/app/refresh-home.js'
import { extendReminderWindows, pendingReminders } from '../../src/app/reminders.js'
import { requestDirectDebit } from '../../src/app/request-direct-debit.js'
import { subscribeCalendar } from '../../src/app/subscribe-calendar.js'
import { unsubscribeCalendar } from '../../src/app/unsubscribe-calendar.js'
import type { OperatorId } from '../../src/domain/operator-id.js'
import { memoryDeps, ORIGIN } from '../support/memory-ports.js'

/** Calendar subscriptions, App Home, the ticket list, the guide's answers and pre-filled modals, in memory. */

const OP = 'OP0123456789' as OperatorId

describe('subscribeCalendar / unsubscribeCalendar', () => {
  it('stores the subscription and its reminders before answering; a second one in the channel changes nothing', async () => {
    const deps = memoryDeps()
    const first = await subscribeCalendar(deps, { ...ORIGIN, paymentMethod: 'card' })
    expect(first.kind).toBe('subscribed')
    expect(first.upcoming.length).toBeGreaterThan(0)
    expect(first.upcoming.every((r) => r.state === 'pending' && r.channel === 'C0BILLING')).toBe(true)
    const again = await subscribeCalendar(deps, {
      channel: 'C0BILLING',
      user: 'U0BOB',
      paymentMethod: 'invoice',
    })
    expect(again).toMatchObject({
      kind: 'already',
      subscription: { id: first.subscription.id, paymentMethod: 'card' },
    })
    expect(deps.subscriptions.active()).toHaveLength(1)
  })

  it('lets only the subscriber or an admin end it, withdrawing every reminder', async () => {
    const deps = memoryDeps()
    expect(await unsubscribeCalendar(deps, ORIGIN)).toEqual({ kind: 'not_subscribed' })
    const calendar = await subscribeCalendar(deps, { ...ORIGIN, paymentMethod: 'invoice' })
    await followUp(deps, { kind: 'calendar_subscribed', origin: ORIGIN, calendar })
    expect(await unsubscribeCalendar(deps, { channel: 'C0BILLING', user: 'U0BOB' })).toEqual({
      kind: 'not_owner',
      owner: 'U0ALICE',
    })
    const done = await unsubscribeCalendar(deps, { channel: 'C0BILLING', user: 'U0ADMIN' })
    expect(done).toMatchObject({ kind: 'unsubscribed' })
    expect(await pendingReminders(deps, (r) => r.subscriptionId === calendar.subscription.id)).toEqual([])
  })

  it('extends the rolling window when the clock moves on, without adding a reminder twice', async () => {
    const deps = memoryDeps()
    await subscribeCalendar(deps, { ...ORIGIN, paymentMethod: 'invoice' })
    const before = deps.reminders.byId.size
    await extendReminderWindows(deps)
    expect(deps.reminders.byId.size).toBe(before)
    deps.clock.set('2027-03-01T01:00:00Z')
    await extendReminderWindows(deps)
    const keys = [...deps.reminders.byId.values()].map((r) => r.key)
    expect(keys.length).toBeGreaterThan(before)
    expect(new Set(keys).size).toBe(keys.length)
  })
})

describe('App Home and the ticket list', () => {
  it('publishes the user’s own tickets and reminders only', async () => {
    const deps = memoryDeps()
    const dd = {
      operatorId: OP,
      coverage: 'jp' as const,
      accountType: 'corporate' as const,
      invoicePayment: 'active' as const,
      consent: true,
    }
    await requestDirectDebit(deps, { request: dd, origin: ORIGIN, viewId: 'V1' })
    await requestDirectDebit(deps, {
      request: dd,
      origin: { channel: 'C0BILLING', user: 'U0BOB' },
      viewId: 'V2',
    })
    await refreshHome(deps, 'U0ALICE')
    const [home] = deps.notifier.homes
    expect(home?.home.tickets.map((t) => t.requester)).toEqual(['U0ALICE'])
    expect((await listTickets(deps, { kind: 'mine' }, 'U0BOB')).map((t) => t.requester)).toEqual(['U0BOB'])
    expect(await listTickets(deps, { kind: 'channel', channel: 'C0BILLING' }, 'U0ALICE')).toHaveLength(2)
  })

  it('publishes the smallest form when Slack refuses the full view, and tries again later when Slack is down', async () => {
    const deps = memoryDeps()
    let calls = 0
    const publish = deps.notifier.publishHome.bind(deps.notifier)
    deps.notifier.publishHome = async (user, home) => {
      calls += 1
      if (calls === 1) throw Object.assign(new Error('invalid'), { data: { error: 'invalid_blocks' } })
      return publish(user, home)
    }
    await refreshHome(deps, 'U0ALICE')
    expect(deps.notifier.homes[0]?.home.compact).toBe(true)

    deps.notifier.publishHome = async () => {
      throw Object.assign(new Error('down'), { data: { error: 'internal_error' } })
    }
    await refreshHome(deps, 'U0ALICE')
    expect([...deps.redelivery.waiting.keys()]).toEqual(['home:U0ALICE'])
  })

  it('shows what is stored at once when App Home opens, with no link to read', async () => {
    const deps = memoryDeps()
    await openHome(deps, 'U0ALICE')
    expect(deps.notifier.homes).toHaveLength(1)
    expect(deps.soracom.calls).toEqual([])
  })
})

describe('askGuide and the pre-filled modals', () => {
  it('answers from the guide’s section and declines what it does not cover', () => {
    const deps = memoryDeps()
    const answer = askGuide(deps, '請求書を再発行してほしい')
    expect(answer.kind).toBe('answer')
    expect(askGuide(deps, '今日の天気は？').kind).not.toBe('answer')
  })

  it('pre-fills the operator typed after the command (normalised) and what the company registered', async () => {
    expect(operatorIdPrefill(' op0123456789 ')).toBe('OP0123456789')
    expect(operatorIdPrefill('')).toBeUndefined()
    const deps = memoryDeps()
    await deps.operators.save({
      operatorId: OP,
      coverage: 'jp',
      accountType: 'corporate',
      paymentMethod: 'invoice',
      registeredBy: 'U0ALICE',
      registeredAt: '2026-11-01T00:00:00Z',
    })
    expect(await flowPrefill(deps, 'direct_debit', '')).toEqual({
      flow: 'direct_debit',
      operatorId: OP,
      accountType: 'corporate',
      invoicePayment: 'active',
      soracomAnswers: false,
    })
    expect(await flowPrefill(deps, 'invoice_reissue', 'op0123456789')).toMatchObject({
      operatorId: OP,
      usageMonth: '2026-10',
      coverage: 'jp',
      paymentMethod: 'invoice',
    })
  })
})
