import { describe, expect, it } from 'vitest'
import { redeliverUnposted } from '../../src/app/deliver-record.js'
import { followUp } from '../../src/app/follow-up.js'
import { requestDirectDebit } from '../../src/app/request-direct-debit.js'
import { startAccountDeletion } from '../../src/app/start-account-deletion.js'
import { subscribeCalendar } from '../../src/app/subscribe-calendar.js'
import { sweep } from '../../src/app/sweep.js'
import type { OperatorId } from '../../src/domain/operator-id.js'
import type { PlainDate } from '../../src/domain/plain-date.js'
import { memoryDeps, ORIGIN } from '../support/memory-ports.js'

/** The one step after the ack (issue 22): what each accepted outcome becomes in Slack, and what is kept. */

const OP = 'OP0123456789' as OperatorId
const directDebit = {
  request: {
    operatorId: OP,
    coverage: 'jp' as const,
    accountType: 'corporate' as const,
    invoicePayment: 'active' as const,
    consent: true,
  },
  origin: ORIGIN,
  viewId: 'V0001',
}

describe('followUp', () => {
  it('posts a stored ticket where the flow started, remembers where it went and refreshes App Home', async () => {
    const deps = memoryDeps()
    const outcome = await requestDirectDebit(deps, directDebit)
    if (outcome.kind !== 'stored') throw new Error('expected a stored ticket')
    await followUp(deps, outcome)
    expect(deps.notifier.posts).toHaveLength(1)
    expect(deps.notifier.posts[0]?.origin).toEqual(ORIGIN)
    const [ticket] = deps.tickets.all()
    expect(ticket?.message).toEqual({ channel: 'C0BILLING', ts: deps.notifier.posts[0]?.ts })
    expect(deps.posting.held.size).toBe(0)
    expect(deps.notifier.homes.map((h) => h.userId)).toEqual(['U0ALICE'])
    expect(deps.notifier.homes[0]?.home.tickets.map((t) => t.id)).toEqual([ticket?.id])
  })

  it('keeps the failure on the record and tries again soon when Slack fails for a moment; the retry posts once', async () => {
    const deps = memoryDeps()
    const outcome = await requestDirectDebit(deps, directDebit)
    if (outcome.kind !== 'stored') throw new Error('expected a stored ticket')
    deps.notifier.refuse = 'ratelimited'
    await followUp(deps, outcome)
    expect(deps.tickets.all()[0]?.undelivered).toMatchObject({ error: 'ratelimited' })
    expect([...deps.redelivery.waiting.keys()]).toContain(`post:${deps.tickets.all()[0]?.id}`)

    deps.notifier.refuse = undefined
    await deps.redelivery.runAll()
    await redeliverUnposted(deps)
    expect(deps.notifier.posts).toHaveLength(1)
    expect(JSON.stringify(deps.notifier.posts[0]?.message.blocks)).toContain(
      'Slack の一時的な障害で投稿が遅れました',
    )
    expect(deps.tickets.all()[0]?.undelivered).toBeUndefined()
  })

  it('asks for the retry only once its hold on the post is let go (a retry due at once still posts)', async () => {
    const deps = memoryDeps()
    const outcome = await requestDirectDebit(deps, directDebit)
    if (outcome.kind !== 'stored') throw new Error('expected a stored ticket')
    const id = deps.tickets.all()[0]?.id ?? ''
    // A machine slow enough that the retry's wait ends before the failed post is saved: the
    // retry runs the moment it is asked for.
    const heldWhenAsked: boolean[] = []
    const retries: Array<Promise<'done' | 'again'>> = []
    deps.redelivery.later = (_key, _error, attempt) => {
      heldWhenAsked.push(deps.posting.held.has(id))
      deps.notifier.refuse = undefined
      retries.push(attempt())
    }
    deps.notifier.refuse = 'ratelimited'
    await followUp(deps, outcome)
    expect(await Promise.all(retries)).toEqual(['done'])
    expect(heldWhenAsked).toEqual([false])
    expect(deps.notifier.posts).toHaveLength(1)
    expect(deps.tickets.all()[0]?.message).toBeDefined()
  })

  it('posts a record the process stored but never posted (a restart in between) once, saying it may repeat', async () => {
    const deps = memoryDeps()
    await requestDirectDebit(deps, directDebit)
    deps.posting.held.clear() // what a new process knows
    await sweep(deps)
    await sweep(deps)
    expect(deps.notifier.posts).toHaveLength(1)
    expect(JSON.stringify(deps.notifier.posts[0]?.message.blocks)).toContain('念のためもう一度投稿します')
  })

  it('schedules the final-invoice reminders of an account-deletion checklist once it is posted', async () => {
    const deps = memoryDeps()
    const outcome = await startAccountDeletion(deps, {
      request: { operatorId: OP, cancelDate: '2027-01-15' as PlainDate },
      origin: ORIGIN,
      viewId: 'V0002',
    })
    if (outcome.kind !== 'stored') throw new Error('expected a stored checklist')
    expect(deps.reminders.byId.size).toBe(0)
    await followUp(deps, outcome)
    const reminders = [...deps.reminders.byId.values()]
    expect(reminders.length).toBeGreaterThan(0)
    expect(reminders.every((r) => r.checklistId === deps.checklists.all()[0]?.id)).toBe(true)
    expect(deps.scheduler.delivered.length).toBeGreaterThan(0)
  })

  it('posts the guide’s answer for a flow without a record; Slack refusing it costs nothing stored', async () => {
    const deps = memoryDeps()
    const guidance = { kind: 'bank_account_too_early' as const, operatorId: OP }
    await followUp(deps, { kind: 'guidance', origin: ORIGIN, guidance })
    expect(deps.notifier.posts[0]?.message.text).toBe('入金口座はまだ開設されていません（OP0123456789）')

    deps.notifier.refuse = 'channel_not_found'
    await followUp(deps, { kind: 'guidance', origin: ORIGIN, guidance })
    expect(deps.logger.lines).toContainEqual(
      expect.objectContaining({ level: 'warn', message: 'guidance not delivered' }),
    )
  })

  it('tells the user an operator was registered', async () => {
    const deps = memoryDeps()
    await followUp(deps, { kind: 'operator_registered', origin: ORIGIN, operatorId: OP })
    expect(deps.notifier.told).toEqual([
      { origin: ORIGIN, text: expect.stringContaining('`OP0123456789` を登録しました') },
    ])
  })

  it('confirms a calendar subscription, then hands its reminders to Slack and refreshes App Home', async () => {
    const deps = memoryDeps()
    const calendar = await subscribeCalendar(deps, { ...ORIGIN, paymentMethod: 'invoice' })
    expect(calendar.kind).toBe('subscribed')
    expect(deps.scheduler.delivered).toEqual([])
    await followUp(deps, { kind: 'calendar_subscribed', origin: ORIGIN, calendar })
    expect(deps.notifier.told[0]?.text).toContain('請求カレンダーのリマインドを始めました')
    expect(deps.scheduler.delivered.length).toBe(calendar.upcoming.length)
    expect(deps.notifier.homes).toHaveLength(1)
  })
})
