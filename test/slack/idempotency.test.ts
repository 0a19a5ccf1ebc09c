import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIRECT_DEBIT_ANSWERS } from '../support/answers.js'
import { buttonsOf } from '../support/blocks.js'
import { eventually } from '../support/eventually.js'
import { postSigned, viewSubmissionForm } from '../support/slack-request.js'
import { startTestBot, type TestBot } from '../support/test-bot.js'

describe('nothing done twice', () => {
  let bot: TestBot
  beforeEach(async () => {
    bot = await startTestBot()
  })
  afterEach(async () => {
    await bot.stop()
  })

  it('handles an Events API retry (same event_id, X-Slack-Retry-Num) once', async () => {
    const event = { type: 'app_home_opened', user: 'U0ALICE', channel: 'D0ALICE', tab: 'home' }

    await bot.event(event, { eventId: 'Ev0001' })
    await bot.event(event, {
      eventId: 'Ev0001',
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    })
    await bot.event(event, { eventId: 'Ev0002' })

    await eventually(() => expect(bot.slack.callsTo('views.publish')).toHaveLength(2))
    await new Promise((r) => setTimeout(r, 100))
    expect(bot.slack.callsTo('views.publish')).toHaveLength(2)
  })

  it('stores one ticket when the same modal submission arrives twice at once', async () => {
    await bot.command('/direct-debit')
    const open = await bot.slack.waitFor('views.open')
    const form = viewSubmissionForm(
      open.args.view as Parameters<typeof viewSubmissionForm>[0],
      DIRECT_DEBIT_ANSWERS,
      {
        viewId: 'V0SAME',
      },
    )

    const [first, second] = await Promise.all([postSigned(bot.url, form), postSigned(bot.url, form)])

    expect([first.status, second.status]).toEqual([200, 200])
    await eventually(() => expect(bot.slack.callsTo('chat.postMessage')).toHaveLength(1))
    expect(await bot.store.tickets.all()).toHaveLength(1)
  })

  it('stores nothing new when a submission is delivered again later', async () => {
    await bot.command('/direct-debit')
    const open = await bot.slack.waitFor('views.open')
    const form = viewSubmissionForm(
      open.args.view as Parameters<typeof viewSubmissionForm>[0],
      DIRECT_DEBIT_ANSWERS,
      {
        viewId: 'V0LATER',
      },
    )
    await postSigned(bot.url, form)
    await eventually(async () => expect((await bot.store.tickets.all())[0]?.message).toBeDefined())

    const again = await postSigned(bot.url, form)

    expect(again.status).toBe(200)
    expect(await bot.store.tickets.all()).toHaveLength(1)
  })

  it('applies a double-clicked 送信した once', async () => {
    await bot.submitModal('/direct-debit', '', DIRECT_DEBIT_ANSWERS)
    const post = await bot.slack.waitFor('chat.postMessage')
    await eventually(async () => expect((await bot.store.tickets.all())[0]?.message).toBeDefined())
    const sent = buttonsOf(post).find((b) => b.action_id === 'ticket_progress')
    if (!sent) throw new Error('no button')

    await Promise.all([bot.click(sent), bot.click(sent)])

    await eventually(async () => expect((await bot.store.tickets.all())[0]?.status).toBe('sent'))
    await new Promise((r) => setTimeout(r, 100))
    expect((await bot.store.tickets.all())[0]?.history).toHaveLength(1)
    expect(bot.slack.callsTo('chat.update')).toHaveLength(1)
  })
})
