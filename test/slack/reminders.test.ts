import { rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buttonNamed, buttonsOf, visibleText } from '../support/blocks.js'
import { eventually } from '../support/eventually.js'
import { FakeSlack, type SlackCall } from '../support/fake-slack.js'
import { startTestBot, type TestBot } from '../support/test-bot.js'

/** Thursday 26 November 2026, 10:00 JST. */
const NOW = '2026-11-26T10:00:00+09:00'
const postAtOf = (date: string) => String(Date.parse(`${date}T09:00:00+09:00`) / 1000)
const HORIZON_MS = 120 * 24 * 3600 * 1000

/** Waits until every stored reminder within Slack's horizon has been handed over (after the ack). */
async function handedOver(bot: TestBot, now = NOW): Promise<void> {
  await eventually(async () => {
    const waiting = (await bot.store.reminders.active()).filter(
      (r) => r.state === 'pending' && Date.parse(r.dueAt) - Date.parse(now) <= HORIZON_MS,
    )
    expect(waiting).toEqual([])
  })
}

/** Subscribes the channel and waits for the hand-over that follows the answer. */
async function subscribe(bot: TestBot, opts: { userId?: string; channelId?: string } = {}) {
  const res = await bot.command('/billing', 'calendar subscribe invoice', opts)
  await handedOver(bot)
  return res
}

describe('/billing calendar', () => {
  let bot: TestBot
  beforeEach(async () => {
    bot = await startTestBot({ now: NOW })
  })
  afterEach(async () => {
    await bot.stop()
  })

  it('schedules every billing-calendar reminder of the next 120 days at 09:00 JST on the right business days', async () => {
    const res = await subscribe(bot)

    expect(JSON.stringify(res.json())).toContain('リマインドを始めました')
    // The preview names what comes when; it never says 「本日」 of a future day (domain.md).
    expect(JSON.stringify(res.json())).toContain(
      '2026年11月30日(月) 9:00 支払期限の連絡 ・ 2026年10月ご利用分',
    )
    expect(JSON.stringify(res.json())).not.toContain('本日')
    const scheduled = bot.slack.callsTo('chat.scheduleMessage')
    expect(scheduled.every((c) => c.args.channel === 'C0BILLING')).toBe(true)
    expect(scheduled.map((c) => c.args.post_at)).toEqual(
      [
        '2026-11-30', // Oct usage: due (its "3 business days before" was 25 Nov, already past)
        '2026-12-02', // Nov usage: amounts final, 2nd business day
        '2026-12-04', // invoice issued, 4th business day
        '2026-12-28', // 3 business days before 31 Dec
        '2026-12-30', // due 31 Dec is a bank holiday: the last business day before it
        '2027-01-05', // Dec usage: amounts final (1 Jan is a holiday)
        '2027-01-07', // invoice issued
        '2027-01-27', // 3 business days before 31 Jan
        '2027-01-29', // due falls on a Sunday: the last business day before it
        '2027-02-02',
        '2027-02-04',
        '2027-02-24', // 3 business days before 28 Feb (a Sunday), skipping 23 Feb (Emperor's Birthday)
        '2027-02-26',
        '2027-03-02',
        '2027-03-04',
        '2027-03-26', // the last one within Slack's 120 days
      ].map(postAtOf),
    )
  })

  it('changes nothing when the channel subscribes twice', async () => {
    await subscribe(bot)
    const before = bot.slack.callsTo('chat.scheduleMessage').length

    const res = await subscribe(bot)

    expect(JSON.stringify(res.json())).toContain('すでに')
    expect(bot.slack.callsTo('chat.scheduleMessage')).toHaveLength(before)
  })

  it('withdraws everything pending on unsubscribe', async () => {
    await subscribe(bot)
    const scheduled = bot.slack.scheduled.size

    await bot.command('/billing', 'calendar unsubscribe')

    const reply = await bot.slack.waitFor('response_url')
    expect(String(reply.args.text)).toContain('やめました')
    expect(bot.slack.callsTo('chat.deleteScheduledMessage')).toHaveLength(scheduled)
    expect(bot.slack.scheduled.size).toBe(0)
    expect(await bot.store.reminders.active()).toEqual([])
  })

  it('extends the window as time passes, handing over reminders that came within 120 days', async () => {
    await subscribe(bot)
    const lastBefore = Math.max(...[...bot.slack.scheduled.values()].map((m) => m.post_at))

    bot.setNow('2026-12-26T10:00:00+09:00')
    await bot.sweep()
    await bot.sweep()

    const held = [...bot.slack.scheduled.values()].map((m) => m.post_at)
    const added = held.filter((at) => at > lastBefore).sort((a, b) => a - b)
    expect(added.map(String)).toEqual(['2027-03-31', '2027-04-02', '2027-04-06'].map(postAtOf))
    expect(new Set(held).size).toBe(held.length)
  })
})

describe('/billing calendar subscribe asks how the channel pays (domain.md, decided 2026-11)', () => {
  let bot: TestBot
  beforeEach(async () => {
    bot = await startTestBot({ now: NOW })
  })
  afterEach(async () => {
    await bot.stop()
  })

  it('opens a modal with a payment_method block when the command names none, and subscribes from it', async () => {
    await bot.command('/billing', 'calendar subscribe')
    const open = await bot.slack.waitFor('views.open')
    expect(JSON.stringify(open.args.view)).toContain('"block_id":"payment_method"')

    const res = await bot.submitOpened({ payment_method: 'direct_debit' })

    expect(res.body).toBeUndefined()
    await eventually(async () =>
      expect((await bot.store.subscriptions.activeIn('C0BILLING'))?.paymentMethod).toBe('direct_debit'),
    )
    const told = await bot.slack.waitFor('chat.postEphemeral')
    expect(String(told.args.text)).toContain('口座振替')
    await handedOver(bot)
    const due = (await bot.store.reminders.active()).find((r) => r.kind === 'calendar_due')
    expect(due?.text).toContain('引き落とし')
    expect(due?.text).not.toContain('お振り込み')
  })

  it('gives a card-paying channel no due-date or invoice reminders', async () => {
    await bot.command('/billing', 'calendar subscribe card')
    await handedOver(bot)

    const kinds = new Set((await bot.store.reminders.active()).map((r) => r.kind))
    expect([...kinds]).toEqual(['calendar_amount_final'])
  })
})

describe('/billing reminders', () => {
  let bot: TestBot
  beforeEach(async () => {
    bot = await startTestBot({ now: NOW })
  })
  afterEach(async () => {
    await bot.stop()
  })

  it("lists only the user's pending reminders, soonest first, each with a cancel button", async () => {
    await subscribe(bot, { userId: 'U0ALICE' })
    await subscribe(bot, { userId: 'U0BOB', channelId: 'C0OTHER' })

    const res = await bot.command('/billing', 'reminders', { userId: 'U0ALICE' })

    const body = res.json() as { blocks: Array<{ block_id?: string; text?: { text: string } }> }
    const items = body.blocks.filter((b) => b.block_id?.startsWith('reminder_'))
    expect(items.length).toBe(
      (await bot.store.reminders.ofOwner('U0ALICE')).filter((r) => r.state !== 'cancelled').length,
    )
    expect(items[0]?.text?.text).toContain('2026年11月30日(月) 9:00')
    expect(JSON.stringify(body)).not.toContain('C0OTHER')
  })

  it('cancels a reminder from the list: Slack forgets it and the list is refreshed', async () => {
    await subscribe(bot)
    const list = await bot.command('/billing', 'reminders')
    const first = (
      list.json() as { blocks: Array<{ accessory?: { action_id: string; value: string } }> }
    ).blocks.find((b) => b.accessory?.action_id === 'reminder_cancel')?.accessory
    if (!first) throw new Error('no cancel button')

    await bot.click(first)

    const refreshed = await bot.slack.waitFor('response_url')
    expect(refreshed.args.replace_original).toBe(true)
    expect(bot.slack.callsTo('chat.deleteScheduledMessage')).toHaveLength(1)
    expect((await bot.store.reminders.get(first.value))?.state).toBe('cancelled')
    expect(JSON.stringify(refreshed.args.blocks)).not.toContain(first.value)
  })

  it('never brings back a reminder the user cancelled: not by the sweep, not after a restart (domain.md, decided 2026-11)', async () => {
    await subscribe(bot)
    const [reminder] = (await bot.store.reminders.ofOwner('U0ALICE')).filter((r) => r.state === 'scheduled')
    if (!reminder) throw new Error('no reminder')
    await bot.click({ action_id: 'reminder_cancel', value: reminder.id })
    await eventually(async () =>
      expect((await bot.store.reminders.get(reminder.id))?.state).toBe('cancelled'),
    )
    const scheduledBefore = bot.slack.callsTo('chat.scheduleMessage').length

    await bot.sweep()
    await bot.stopKeepingData()
    bot = await startTestBot({ now: NOW, slack: bot.slack, dataFile: bot.dataFile, idStart: 500 })
    await bot.sweep()

    expect((await bot.store.reminders.findByKey(reminder.key))?.state).toBe('cancelled')
    expect((await bot.store.reminders.active()).some((r) => r.key === reminder.key)).toBe(false)
    expect(bot.slack.callsTo('chat.scheduleMessage')).toHaveLength(scheduledBefore)
  })

  it("refuses to cancel someone else's reminder", async () => {
    await subscribe(bot, { userId: 'U0ALICE' })
    const [reminder] = await bot.store.reminders.ofOwner('U0ALICE')
    if (!reminder) throw new Error('no reminder')

    await bot.click({ action_id: 'reminder_cancel', value: reminder.id }, { userId: 'U0MALLORY' })

    const reply = await bot.slack.waitFor('response_url')
    expect(String(reply.args.text)).toContain('自分のリマインダーだけ')
    expect((await bot.store.reminders.get(reminder.id))?.state).toBe('scheduled')
  })
})

describe('follow-ups that move with their ticket', () => {
  let bot: TestBot
  beforeEach(async () => {
    bot = await startTestBot({ now: NOW })
  })
  afterEach(async () => {
    await bot.stop()
  })

  async function directDebitTicket(): Promise<SlackCall> {
    await bot.submitModal('/direct-debit', '', {
      operator_id: 'OP0123456789',
      coverage: 'jp',
      account_type: 'corporate',
      invoice_payment: 'active',
      consent: ['agree'],
    })
    const post = await bot.slack.waitFor('chat.postMessage')
    await eventually(async () =>
      expect((await bot.store.tickets.listByRequester('U0ALICE'))[0]?.message).toBeDefined(),
    )
    return post
  }

  const progressButton = (call: SlackCall) => buttonNamed(call, 'ticket_progress')

  it('leaves the invoice due dates to the billing calendar when the channel subscribes to it: no double reminder (domain.md)', async () => {
    await bot.command('/billing', 'calendar subscribe invoice')
    const post = await directDebitTicket()
    const ticketId = (await bot.store.tickets.listByRequester('U0ALICE'))[0]?.id ?? ''

    await bot.click(progressButton(post))

    await eventually(async () =>
      expect((await bot.store.reminders.findByKey(`dd:${ticketId}:form_arrival`))?.state).toBe('scheduled'),
    )
    expect((await bot.store.reminders.active()).filter((r) => r.kind === 'direct_debit_invoice_due')).toEqual(
      [],
    )
    expect((await bot.store.reminders.active()).some((r) => r.kind === 'calendar_due')).toBe(true)
  })

  it('walks a direct-debit ticket through its milestones, scheduling and withdrawing follow-ups', async () => {
    const post = await directDebitTicket()
    const ticketId = (await bot.store.tickets.listByRequester('U0ALICE'))[0]?.id ?? ''

    await bot.click(progressButton(post))
    const afterSent = await bot.slack.waitFor('chat.update')
    await eventually(async () =>
      expect((await bot.store.reminders.findByKey(`dd:${ticketId}:form_arrival`))?.state).toBe('scheduled'),
    )
    expect((await bot.store.reminders.findByKey(`dd:${ticketId}:form_arrival`))?.dueDate).toBe('2026-12-03') // 5 business days after the request is marked sent (domain.md)
    expect((await bot.store.reminders.findByKey(`dd:${ticketId}:due:2026-11`))?.dueDate).toBe('2026-11-30')
    expect((await bot.store.tickets.get(ticketId))?.status).toBe('sent')
    expect(visibleText(afterSent)).toContain('送信済み')

    await bot.click(progressButton(afterSent))
    const afterReceived = await bot.slack.waitFor('chat.update', () => true, { count: 2 })
    await eventually(async () =>
      expect((await bot.store.reminders.findByKey(`dd:${ticketId}:form_arrival`))?.state).toBe('cancelled'),
    )
    // Planned with the change, handed to Slack after it: waited for, not read at once.
    await eventually(async () =>
      expect((await bot.store.reminders.findByKey(`dd:${ticketId}:form_return`))?.state).toBe('scheduled'),
    )

    await bot.click(progressButton(afterReceived))
    const afterReturned = await bot.slack.waitFor('chat.update', () => true, { count: 3 })
    await eventually(async () =>
      expect((await bot.store.reminders.findByKey(`dd:${ticketId}:result_due`))?.state).toBe('scheduled'),
    )
    expect((await bot.store.reminders.findByKey(`dd:${ticketId}:result_due`))?.dueDate).toBe('2027-01-26')

    await bot.click(progressButton(afterReturned))
    await bot.slack.waitFor('chat.update', () => true, { count: 4 })
    await eventually(async () => expect((await bot.store.tickets.get(ticketId))?.status).toBe('resolved'))
    await eventually(async () =>
      expect((await bot.store.reminders.active()).filter((r) => r.ticketId === ticketId)).toEqual([]),
    )
    expect(bot.slack.scheduled.size).toBe(0)
  })

  it('schedules the final invoice of an account deletion and withdraws it once payments are done', async () => {
    await bot.submitModal('/account-deletion', '', { operator_id: 'OP0123456789', cancel_date: '2026-12-15' })
    const post = await bot.slack.waitFor('chat.postMessage')
    await eventually(() => expect(bot.slack.callsTo('chat.scheduleMessage')).toHaveLength(2))
    expect(bot.slack.callsTo('chat.scheduleMessage').map((c) => c.args.post_at)).toEqual(
      ['2027-01-07', '2027-01-29'].map(postAtOf),
    )
    const pay = buttonsOf(post).find((b) => b.block_id === 'step_payments_complete')
    if (!pay) throw new Error('no payment step')

    await bot.click(pay)

    await eventually(() => expect(bot.slack.callsTo('chat.deleteScheduledMessage')).toHaveLength(2))
    expect(bot.slack.scheduled.size).toBe(0)
  })
})

describe('restarts', () => {
  let slack: FakeSlack
  beforeEach(async () => {
    slack = await new FakeSlack().start()
  })
  afterEach(async () => {
    await slack.stop()
  })

  it('posts a reminder missed while the bot was down once, marked late, and never again after more restarts', async () => {
    const first = await startTestBot({ now: '2026-11-26T10:00:00+09:00', slack, idStart: 0 })
    const dataFile = first.dataFile
    // Slack refuses to schedule, so the reminder is still pending when the bot goes down.
    slack.on('chat.scheduleMessage', () => ({ body: { ok: false, error: 'internal_error' } }))
    await first.command('/billing', 'calendar subscribe invoice')
    await eventually(() => expect(slack.callsTo('chat.scheduleMessage').length).toBeGreaterThanOrEqual(16))
    const pending = (await first.store.reminders.active()).filter((r) => r.state === 'pending').length
    expect(pending).toBeGreaterThan(0)
    await first.stopKeepingData()
    slack.on('chat.scheduleMessage', () => undefined)

    const second = await startTestBot({ now: '2026-12-03T12:00:00+09:00', slack, dataFile, idStart: 1000 })
    await second.sweep()
    await second.stopKeepingData()
    const third = await startTestBot({ now: '2026-12-03T12:05:00+09:00', slack, dataFile, idStart: 2000 })
    await third.sweep()
    await third.sweep()

    const late = slack.callsTo('chat.postMessage')
    expect(
      late.map((c) => JSON.stringify(c.args.blocks)).every((b) => b.includes('遅れてお送りします')),
    ).toBe(true)
    expect(late).toHaveLength(2) // 30 Nov (due) and 2 Dec (amounts final), both missed while down
    const keys = (await third.store.reminders.active()).map((r) => r.key)
    expect(new Set(keys).size).toBe(keys.length)
    const held = [...slack.scheduled.values()].map((m) => `${m.channel_id}:${m.post_at}:${m.text}`)
    expect(new Set(held).size).toBe(held.length)
    await third.stop()
    await rm(dirname(dataFile), { recursive: true, force: true })
  })
})
