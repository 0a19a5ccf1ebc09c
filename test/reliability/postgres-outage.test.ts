import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REISSUE_ANSWERS } from '../support/answers.js'
import { buttonsOf } from '../support/blocks.js'
import { eventually } from '../support/eventually.js'
import { freshDatabase, startTestPostgres, type TestPostgres } from '../support/postgres-server.js'
import { POSTGRES_URL } from '../support/store-backends.js'
import { startTestBot, type TestBot } from '../support/test-bot.js'

const NOW = '2026-11-26T10:00:00+09:00'
const text = (value: unknown) => JSON.stringify(value ?? '')

/**
 * PostgreSQL restarted under a running bot (a server of this test's own, so the others' keeps
 * running): requests meanwhile get a clear answer within Slack's 3 s, /healthz says why, and the
 * bot serves again once the server is back — without a restart.
 */
describe.skipIf(!POSTGRES_URL)('PostgreSQL restarted under the bot (issue 27.4)', () => {
  let server: TestPostgres
  let bot: TestBot
  beforeAll(async () => {
    const started = await startTestPostgres()
    if ('unavailable' in started) throw new Error(started.unavailable)
    server = started
    const db = await freshDatabase(server.url)
    bot = await startTestBot({ now: NOW, databaseUrl: db.url })
  }, 60_000)
  afterAll(async () => {
    await bot?.stop()
    await server?.stop()
  })

  it('answers within 3 s during the outage, says why on /healthz, and recovers by itself', async () => {
    const before = await bot.submitModal('/invoice-reissue', '', REISSUE_ANSWERS, { userId: 'U0ALICE' })
    expect(before.body).toBeUndefined()
    const ticketPost = await bot.slack.waitFor('chat.postMessage')
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200)

    await server.halt()

    // A submission: the modal stays open with its answers and says nothing was saved.
    const opened = bot.slack.callsTo('views.open').length
    await bot.command('/invoice-reissue', '', { userId: 'U0ALICE' })
    const view = (await bot.slack.waitFor('views.open', () => true, { count: opened + 1 })).args.view
    // Slack's 3 s is per request: the submission's own answer is timed.
    const started = performance.now()
    const submitted = await bot.submitOpened(REISSUE_ANSWERS, { userId: 'U0ALICE', view: view as never })
    expect(performance.now() - started).toBeLessThan(3_000)
    expect(submitted.body).toMatchObject({ response_action: 'errors' })
    expect(text(submitted.body)).toContain('保存できなかったため')

    // A command that reads: answered (ack), then told plainly that nothing can be read now.
    const replies = bot.slack.callsTo('response_url').length
    const asked = performance.now()
    const listed = await bot.command('/billing', 'tickets', { userId: 'U0ALICE' })
    expect(listed.status).toBe(200)
    const reply = await bot.slack.waitFor('response_url', () => true, { count: replies + 1 })
    expect(performance.now() - asked).toBeLessThan(3_000)
    expect(text(reply.args)).toContain('データベース')

    // A button on the ticket: acknowledged, and told the same.
    const button = buttonsOf(ticketPost)[0]
    if (!button) throw new Error('the ticket has buttons')
    const repliesBefore = bot.slack.callsTo('response_url').length
    const clicked = await bot.click(button, {
      userId: 'U0ALICE',
      messageTs: String(ticketPost.args.ts ?? ''),
    })
    expect(clicked.status).toBe(200)
    const told = await bot.slack.waitFor('response_url', () => true, { count: repliesBefore + 1 })
    expect(text(told.args)).toContain('データベース')

    // /healthz says why.
    const health = await fetch(`${bot.url}/healthz`)
    expect(health.status).toBe(503)
    expect(await health.json()).toMatchObject({
      ok: false,
      store: false,
      storeProblem: expect.stringContaining('PostgreSQL'),
    })

    await server.resume()

    // Back without a restart: healthy again, and the same submission goes through.
    await eventually(async () => expect((await fetch(`${bot.url}/healthz`)).status).toBe(200), 15_000)
    const again = await bot.submitOpened(REISSUE_ANSWERS, { userId: 'U0ALICE', view: view as never })
    expect(again.body).toBeUndefined()
    await eventually(async () => expect(await bot.store.tickets.listByRequester('U0ALICE')).toHaveLength(2))
    await bot.slack.waitFor('chat.postMessage', () => true, { count: 2 })
  }, 60_000)
})
