import { afterEach, describe, expect, it } from 'vitest'
import { DIRECT_DEBIT_ANSWERS } from '../support/answers.js'
import { eventually } from '../support/eventually.js'
import { postSigned, viewSubmissionForm } from '../support/slack-request.js'
import { startTestBot, type TestBot } from '../support/test-bot.js'

/** Slack's 3 seconds hold whatever Slack does: nothing networked waits before the ack. */
describe('when Slack hangs', () => {
  let bot: TestBot
  afterEach(async () => {
    bot.slack.unhang('users.info')
    bot.slack.unhang('chat.postMessage')
    await bot.stop()
  })

  it('answers an unknown user within 3 s, saying to try again, when users.info never answers', async () => {
    bot = await startTestBot()
    bot.slack.hang('users.info')

    const started = Date.now()
    const res = await bot.command('/direct-debit', '', { userId: 'U0NEWCOMER' })

    expect(res.status).toBe(200)
    expect(Date.now() - started).toBeLessThan(3000)
    expect(JSON.stringify(res.json())).toContain('しばらくしてからもう一度')
    expect(bot.slack.callsTo('views.open')).toEqual([])
  })

  it('gives up on a response_url that never answers after the Slack timeout, instead of holding the listener', async () => {
    const logLines: string[] = []
    bot = await startTestBot({ slackTimeoutMs: 300, logLines })
    bot.slack.hang('response_url')

    // An unknown checklist step: the refusal goes back through respond() (the response_url).
    const res = await bot.click({ action_id: 'checklist_toggle', value: 'T9999:nothing:tick' })
    expect(res.status).toBe(200)
    await bot.slack.waitFor('response_url')

    await eventually(() =>
      expect(
        logLines.some((l) => l.includes('Unhandled error in a listener') && /abort|timeout/i.test(l)),
      ).toBe(true),
    )
    // The error log says which callback, user and workspace it was (issue 22: app.error).
    const line = JSON.parse(logLines.find((l) => l.includes('Unhandled error in a listener')) ?? '{}')
    expect(line).toMatchObject({ callback: 'checklist_toggle', user: 'U0ALICE', team: 'T000TEST' })
    bot.slack.unhang('response_url')
  })

  it('lets a member Slack answered for recently go on while users.info hangs', async () => {
    bot = await startTestBot()
    await bot.command('/billing', 'help')
    bot.slack.hang('users.info')

    const started = Date.now()
    const res = await bot.command('/billing', 'help')

    expect(Date.now() - started).toBeLessThan(3000)
    expect(JSON.stringify(res.json())).toContain('請求サポートでできること')
  })

  it('acknowledges a submission within 3 s and keeps the ticket when chat.postMessage hangs', async () => {
    bot = await startTestBot()
    bot.slack.hang('chat.postMessage')

    const started = Date.now()
    const res = await bot.submitModal('/direct-debit', '', DIRECT_DEBIT_ANSWERS)

    expect(res.status).toBe(200)
    expect(res.body).toBeUndefined()
    expect(Date.now() - started).toBeLessThan(3000)
    expect(await bot.store.tickets.all()).toHaveLength(1)
  })

  it('answers a second submission of the same modal at once, while the first is still posting', async () => {
    bot = await startTestBot()
    bot.slack.hang('chat.postMessage')
    await bot.command('/direct-debit')
    const open = await bot.slack.waitFor('views.open')
    const form = viewSubmissionForm(
      open.args.view as Parameters<typeof viewSubmissionForm>[0],
      DIRECT_DEBIT_ANSWERS,
    )
    await postSigned(bot.url, form)

    const started = Date.now()
    const again = await postSigned(bot.url, form)

    expect(again.status).toBe(200)
    expect(Date.now() - started).toBeLessThan(3000)
    expect(await bot.store.tickets.all()).toHaveLength(1)
  })

  it('keeps a submitted form and everything typed when Slack is too slow to check the user, and takes the same 送信 later (issue 23)', async () => {
    bot = await startTestBot()
    await bot.command('/direct-debit')
    const open = await bot.slack.waitFor('views.open')
    const view = open.args.view as Parameters<typeof viewSubmissionForm>[0]
    const form = viewSubmissionForm(view, DIRECT_DEBIT_ANSWERS, { userId: 'U0NEWCOMER', viewId: 'VSAME' })
    bot.slack.hang('users.info')

    const started = Date.now()
    const slow = await postSigned(bot.url, form)

    expect(Date.now() - started).toBeLessThan(3000)
    // An inline error on the open form (response_action "errors"), not a replaced modal: nothing typed is lost.
    const body = slow.json() as { response_action: string; errors: Record<string, string> }
    expect(body.response_action).toBe('errors')
    expect(Object.values(body.errors).join()).toContain('入力内容はそのままです')
    expect(Object.keys(body.errors)).toEqual([view.blocks.find((b) => b.type === 'input')?.block_id])
    expect(await bot.store.tickets.all()).toEqual([])

    bot.slack.unhang('users.info')
    const again = await postSigned(bot.url, form)

    expect(again.status).toBe(200)
    expect(again.text).toBe('')
    expect(await bot.store.tickets.all()).toHaveLength(1)
  })
})
