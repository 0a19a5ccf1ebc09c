import { afterEach, describe, expect, it } from 'vitest'
import { DIRECT_DEBIT_ANSWERS } from '../support/answers.js'
import { buttonsOf, preformattedText } from '../support/blocks.js'
import { eventually } from '../support/eventually.js'
import { startTestBot, type TestBot } from '../support/test-bot.js'

describe('when Slack fails after the modal closed', () => {
  let bot: TestBot
  afterEach(async () => {
    await bot.stop()
  })

  it('keeps the ticket when chat.postMessage answers 5xx, and the sweep posts it later', async () => {
    bot = await startTestBot()
    bot.slack.failNext('chat.postMessage', { status: 503, body: { ok: false } })

    const res = await bot.submitModal('/direct-debit', '', DIRECT_DEBIT_ANSWERS)

    expect(res.status).toBe(200)
    await eventually(async () => expect((await bot.store.tickets.all())[0]?.undelivered).toBeDefined())
    expect((await bot.store.tickets.all())[0]?.message).toBeUndefined()

    await bot.sweep()

    const post = await bot.slack.waitFor('chat.postMessage', () => true, { count: 2 })
    expect(preformattedText(post)).toContain('口座振替の希望')
    expect(JSON.stringify(post.args.blocks)).toContain('投稿が遅れました')
    // The sweep or the retry soon after the failure posts it: whichever did records where it went.
    await eventually(async () => {
      expect((await bot.store.tickets.all())[0]).toMatchObject({ message: { channel: 'C0BILLING' } })
      expect((await bot.store.tickets.all())[0]?.undelivered).toBeUndefined()
    })
    expect(bot.slack.callsTo('chat.postMessage')).toHaveLength(2)
  })

  it("sends the ticket to the user's DM when the channel is gone", async () => {
    bot = await startTestBot()
    bot.slack.failNext('chat.postMessage', { body: { ok: false, error: 'channel_not_found' } })

    await bot.submitModal('/direct-debit', '', DIRECT_DEBIT_ANSWERS)

    const dm = await bot.slack.waitFor('chat.postMessage', (c) => c.args.channel === 'U0ALICE')
    expect(JSON.stringify(dm.args.blocks)).toContain('DM でお送りします')
  })

  it('waits out HTTP 429 Retry-After and posts once', async () => {
    bot = await startTestBot({ retries: 2 })
    bot.slack.failNext('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    })

    await bot.submitModal('/direct-debit', '', DIRECT_DEBIT_ANSWERS)

    await eventually(async () => expect((await bot.store.tickets.all())[0]?.message).toBeDefined(), 5000)
    expect(bot.slack.callsTo('chat.postMessage')).toHaveLength(2)
  })

  it('keeps a scheduled reminder pending when chat.scheduleMessage answers 5xx', async () => {
    bot = await startTestBot()
    bot.slack.on('chat.scheduleMessage', () => ({ status: 500, body: { ok: false } }))

    await bot.command('/billing', 'calendar subscribe invoice')

    await eventually(() => expect(bot.slack.callsTo('chat.scheduleMessage').length).toBeGreaterThan(0))
    await new Promise((r) => setTimeout(r, 200))
    expect((await bot.store.reminders.active()).every((r) => r.state === 'pending')).toBe(true)
    expect((await bot.store.reminders.active()).length).toBeGreaterThan(0)
  })
})

describe('when Slack refuses to update a message', () => {
  it('keeps the change and tells the user', async () => {
    const bot = await startTestBot()
    await bot.submitModal('/direct-debit', '', DIRECT_DEBIT_ANSWERS)
    const post = await bot.slack.waitFor('chat.postMessage')
    await eventually(async () => expect((await bot.store.tickets.all())[0]?.message).toBeDefined())
    const sent = buttonsOf(post).find((b) => b.action_id === 'ticket_progress')
    if (!sent) throw new Error('no button')
    bot.slack.failNext('chat.update', { body: { ok: false, error: 'message_not_found' } })

    await bot.click(sent)

    const told = await bot.slack.waitFor('response_url')
    expect(String(told.args.text)).toContain('変更は保存しましたが')
    expect((await bot.store.tickets.all())[0]?.status).toBe('sent')
    await bot.stop()
  })
})
