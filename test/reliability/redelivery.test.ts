import { afterEach, describe, expect, it } from 'vitest'
import { DIRECT_DEBIT_ANSWERS } from '../support/answers.js'
import { eventually } from '../support/eventually.js'
import { startTestBot, type TestBot } from '../support/test-bot.js'

const HTTP_500 = { status: 500, body: { ok: false } }
const THREE_500S = [HTTP_500, HTTP_500, HTTP_500]

/**
 * Issue 23.2: what Slack failed for a moment is tried again on its own schedule (seconds, doubling,
 * at most the sweep interval, Retry-After honoured) — never by waiting for the sweep, and once.
 * No test here runs a sweep: without the redelivery, each of them would time out.
 */
describe('after a Slack hiccup, without waiting for the sweep', () => {
  let bot: TestBot
  afterEach(async () => {
    await bot.stop()
  })

  it('posts a ticket once when chat.postMessage answered HTTP 500 three times, then works', async () => {
    bot = await startTestBot()
    bot.slack.failNext('chat.postMessage', ...THREE_500S)

    await bot.submitModal('/direct-debit', '', DIRECT_DEBIT_ANSWERS)

    await eventually(async () => expect((await bot.store.tickets.all())[0]?.message).toBeDefined(), 10_000)
    const posts = bot.slack.callsTo('chat.postMessage')
    expect(posts).toHaveLength(4)
    expect(posts.filter((c) => JSON.stringify(c.args.blocks).includes('口座振替の希望'))).toHaveLength(4)
    expect((await bot.store.tickets.all())[0]?.undelivered).toBeUndefined()
  })

  it('waits at least as long as Slack\u2019s Retry-After before the next try', async () => {
    bot = await startTestBot({ redeliveryTiming: { firstMs: 10, maxMs: 5000 } })
    bot.slack.failNext('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '2' },
      body: { ok: false, error: 'ratelimited' },
    })

    await bot.submitModal('/direct-debit', '', DIRECT_DEBIT_ANSWERS)
    const first = await bot.slack.waitFor('chat.postMessage')
    const second = await bot.slack.waitFor('chat.postMessage', () => true, { count: 2, timeoutMs: 10_000 })

    expect(second.at - first.at).toBeGreaterThanOrEqual(1900)
    await eventually(async () => expect((await bot.store.tickets.all())[0]?.message).toBeDefined())
  })

  it('hands reminders to Slack once when chat.scheduleMessage answered HTTP 500 three times', async () => {
    bot = await startTestBot()
    bot.slack.failNext('chat.scheduleMessage', ...THREE_500S)

    await bot.command('/billing', 'calendar subscribe invoice')

    await bot.slack.waitFor('chat.scheduleMessage', () => true, { count: 4, timeoutMs: 10_000 })
    // Settled: nothing failed is left, and no hand-over is in flight (Slack may hold a message
    // whose id the store is about to record — comparing then would count it as extra).
    await eventually(async () => {
      const active = await bot.store.reminders.active()
      expect(active.filter((r) => r.state === 'pending' && r.lastError !== undefined)).toEqual([])
      expect(active.filter((r) => r.handoverStartedAt !== undefined)).toEqual([])
      expect(active.filter((r) => r.state === 'scheduled').length).toBeGreaterThan(0)
    }, 10_000)
    const scheduled = (await bot.store.reminders.active()).filter((r) => r.state === 'scheduled')
    // Exactly once at Slack: one scheduled message per group the store holds.
    const ids = new Set(scheduled.map((r) => r.scheduledMessageId))
    expect(bot.slack.scheduled.size).toBe(ids.size)
  })

  it('publishes App Home again when views.publish answered HTTP 500 three times', async () => {
    bot = await startTestBot()
    bot.slack.failNext('views.publish', ...THREE_500S)

    await bot.event({ type: 'app_home_opened', user: 'U0ALICE', channel: 'D0ALICE', tab: 'home' })

    const published = await bot.slack.waitFor('views.publish', () => true, { count: 4, timeoutMs: 10_000 })
    expect(published.args.user_id).toBe('U0ALICE')
  })

  it('does not try again what waiting will not fix (a payload Slack refuses is not sent again and again)', async () => {
    bot = await startTestBot()
    bot.slack.failNext('chat.postMessage', { body: { ok: false, error: 'invalid_blocks' } })

    await bot.submitModal('/direct-debit', '', DIRECT_DEBIT_ANSWERS)
    await eventually(async () => expect((await bot.store.tickets.all())[0]?.undelivered).toBeDefined())
    await new Promise((r) => setTimeout(r, 500))

    expect(bot.slack.callsTo('chat.postMessage')).toHaveLength(1)
  })
})
