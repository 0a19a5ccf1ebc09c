import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OperatorId } from '../../src/domain/operator-id.js'
import { createReminder } from '../../src/domain/reminder.js'
import { createTicket, type Ticket } from '../../src/domain/ticket.js'
import { eventually } from '../support/eventually.js'
import { startTestBot, type TestBot } from '../support/test-bot.js'

const NOW = '2026-11-26T10:00:00+09:00'
const LONG_REFERENCE = `#${'A&<>'.repeat(24)}`.slice(0, 100)

/** A user who has used the bot for years: every list is long, every reference awkward. */
async function seedHeavyUser(bot: TestBot) {
  const tickets: Ticket[] = []
  for (let n = 0; n < 60; n++) {
    const ticket = createTicket(
      {
        kind: 'direct_debit',
        destination: 'soracom',
        operatorId: `OP${String(1_000_000_000 + n)}` as OperatorId,
        request: { coverage: 'jp', accountType: 'corporate', invoicePayment: 'active', consent: true },
        requester: 'U0ALICE',
        channel: 'C0BILLING',
      },
      { subject: '口座振替の希望', body: `オペレーター ID: OP${1_000_000_000 + n}`, full: '' },
      { id: `TK${String(n).padStart(3, '0')}`, now: new Date(Date.parse(NOW) - n * 60_000) },
    )
    const history = Array.from({ length: n === 0 ? 30 : 1 }, (_, i) => ({
      at: new Date(Date.parse(NOW) - 1000 + i).toISOString(),
      by: 'U0ALICE',
      what: 'reference',
      from: 'sent' as const,
      to: 'sent' as const,
      detail: `${LONG_REFERENCE.slice(0, 90)}${i}`,
    }))
    tickets.push({
      ...ticket,
      status: n % 3 === 2 ? 'resolved' : 'sent',
      progress: [{ milestone: 'sent', by: 'U0ALICE', at: ticket.createdAt }],
      reference: LONG_REFERENCE,
      history,
      message: { channel: 'C0BILLING', ts: `1700000000.${String(n).padStart(6, '0')}` },
    })
  }
  for (const t of tickets) await bot.store.tickets.save(t)
  await bot.store.reminders.save(
    Array.from({ length: 200 }, (_, n) =>
      createReminder(
        {
          kind: 'calendar_due',
          key: `stress:${n}`,
          owner: 'U0ALICE',
          channel: n % 2 === 0 ? 'C0BILLING' : 'U0ALICE',
          dueDate: '2027-12-28',
          dueAt: new Date(`2027-12-28T09:00:00+09:00`).toISOString(),
          text: `*支払期限です* ${'長い説明文'.repeat(40)} ${n}`,
        },
        { id: `R${n}`, now: new Date(NOW) },
      ),
    ),
  )
  for (let n = 0; n < 25; n++) {
    await bot.store.operators.save({
      operatorId: `OP${String(2_000_000_000 + n)}`,
      name: `本番環境の${'とても長い名前&<>'.repeat(6)}`.slice(0, 60),
      coverage: 'both',
      accountType: 'corporate',
      paymentMethod: 'invoice',
      registeredBy: 'U0ALICE',
      registeredAt: new Date(NOW).toISOString(),
    })
  }
}

/** Every surface a heavy user sees stays within Slack's limits (the fake Slack fails the test otherwise). */
describe('payloads for a heavy user (60 tickets, 200 reminders, 25 operators, 30 reference changes)', () => {
  let bot: TestBot
  beforeEach(async () => {
    bot = await startTestBot({ now: NOW })
    await seedHeavyUser(bot)
  })
  afterEach(async () => {
    await bot.stop()
  })

  it('publishes App Home', async () => {
    await bot.event({ type: 'app_home_opened', user: 'U0ALICE', channel: 'D0ALICE', tab: 'home' })

    const published = await bot.slack.waitFor('views.publish')
    // 40 sent tickets: the newest 20 listed, the rest counted (the store returns only those shown).
    expect(JSON.stringify(published.args.view)).toContain('ほか 20 件')
    expect(bot.slack.violations).toEqual([])
  })

  it('answers /billing tickets on every page', async () => {
    for (let page = 1; page <= 6; page++) {
      const res = await bot.command('/billing', `tickets ${page}`)
      expect(res.status).toBe(200)
    }
    expect(bot.slack.violations).toEqual([])
  })

  it('answers /billing reminders and /billing operators, naming a DM "DM" rather than a channel link Slack cannot draw', async () => {
    const reminders = JSON.stringify((await bot.command('/billing', 'reminders')).json())
    await bot.command('/billing', 'operators')

    expect(reminders).toContain('* DM\\n')
    expect(reminders).not.toContain('<#U')
    expect(bot.slack.violations).toEqual([])
  })

  it('updates a ticket message with 30 reference changes in its history', async () => {
    const ticket = await bot.store.tickets.get('TK000')
    if (!ticket) throw new Error('no ticket')
    await bot.click({ action_id: 'ticket_status_resolved', value: 'TK000:resolved' })

    await eventually(async () => expect((await bot.store.tickets.get('TK000'))?.status).toBe('resolved'))
    const update = await bot.slack.waitFor('chat.update')
    expect(JSON.stringify(update.args.blocks)).toContain('件')
    expect(bot.slack.violations).toEqual([])
  })
})

describe('when Slack refuses the App Home view', () => {
  it('publishes it again in its smallest form, pointing to the lists', async () => {
    const bot = await startTestBot({ now: NOW })
    bot.slack.failNext('views.publish', { body: { ok: false, error: 'invalid_blocks' } })

    await bot.event({ type: 'app_home_opened', user: 'U0ALICE', channel: 'D0ALICE', tab: 'home' })

    const second = await bot.slack.waitFor('views.publish', () => true, { count: 2 })
    expect(JSON.stringify(second.args.view)).toContain('/billing tickets')
    expect(JSON.stringify(second.args.view)).toContain('表示しきれませんでした')
    await bot.stop()
  })
})
