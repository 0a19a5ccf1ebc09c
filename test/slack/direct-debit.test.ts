import { rm } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { preformattedText } from '../support/blocks.js'
import { eventually } from '../support/eventually.js'
import { STORE_BACKEND, startTestBot, type TestBot } from '../support/test-bot.js'

const VALID = {
  operator_id: ' ｏｐ０１２３４５６７８９ ',
  coverage: 'both',
  account_type: 'corporate',
  invoice_payment: 'active',
  consent: ['agree'],
}

describe('/direct-debit through the real Bolt app', () => {
  let bot: TestBot
  beforeEach(async () => {
    bot = await startTestBot()
  })
  afterEach(async () => {
    await bot.stop()
  })

  it('opens the modal with every contract block_id and the operator ID pre-filled from the command text', async () => {
    const res = await bot.command('/direct-debit', 'op0123456789')

    expect(res.status).toBe(200)
    const open = await bot.slack.waitFor('views.open')
    const view = open.args.view as {
      callback_id: string
      blocks: Array<{ block_id?: string; element?: { initial_value?: string } }>
    }
    const ids = view.blocks.map((b) => b.block_id).filter(Boolean)
    expect(ids).toEqual(
      expect.arrayContaining(['operator_id', 'coverage', 'account_type', 'invoice_payment', 'consent']),
    )
    expect(view.blocks.find((b) => b.block_id === 'operator_id')?.element?.initial_value).toBe('OP0123456789')
  })

  it('turns full-width input with coverage "both" into the documented request, stored and posted to the channel', async () => {
    const res = await bot.submitModal('/direct-debit', '', VALID)

    expect(res.status).toBe(200)
    expect(res.body).toBeUndefined()
    const post = await bot.slack.waitFor('chat.postMessage')
    expect(post.args.channel).toBe('C0BILLING')
    expect(preformattedText(post)).toBe(
      '件名: 口座振替の希望\n\n本文:\nオペレーター ID: OP0123456789\n対象カバレッジ: 両方\n上記の注意点: 同意',
    )
    expect(post.args.text).toContain('口座振替の希望')
    const [ticket] = await bot.store.tickets.listByRequester('U0ALICE')
    expect(ticket).toMatchObject({
      kind: 'direct_debit',
      operatorId: 'OP0123456789',
      subject: '口座振替の希望',
      body: 'オペレーター ID: OP0123456789\n対象カバレッジ: 両方\n上記の注意点: 同意',
      status: 'rendered',
      requester: 'U0ALICE',
      channel: 'C0BILLING',
    })
  })

  it('answers a missing consent with an inline error on the consent block and stores nothing', async () => {
    const res = await bot.submitModal('/direct-debit', '', { ...VALID, consent: [] })

    expect(res.body).toMatchObject({
      response_action: 'errors',
      errors: { consent: expect.stringContaining('同意') },
    })
    expect(await bot.store.tickets.listByRequester('U0ALICE')).toEqual([])
    expect(bot.slack.callsTo('chat.postMessage')).toEqual([])
  })

  it('names every bad field inline with what is expected', async () => {
    const res = await bot.submitModal('/direct-debit', '', {
      operator_id: 'OP123',
      coverage: undefined,
      account_type: undefined,
      invoice_payment: undefined,
      consent: ['agree'],
    })

    const body = res.body as { response_action: string; errors: Record<string, string> }
    expect(body.response_action).toBe('errors')
    expect(body.errors.operator_id).toContain('OP に続く数字 10 桁')
    expect(Object.keys(body.errors).sort()).toEqual([
      'account_type',
      'coverage',
      'invoice_payment',
      'operator_id',
    ])
    expect(await bot.store.tickets.listByRequester('U0ALICE')).toEqual([])
  })

  it("sends the ticket to the user's DM when the bot may not post in the channel", async () => {
    bot.slack.failNext('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } })

    await bot.submitModal('/direct-debit', '', VALID)

    const dm = await bot.slack.waitFor('chat.postMessage', (c) => c.args.channel === 'U0ALICE')
    expect(preformattedText(dm)).toContain('対象カバレッジ: 両方')
    await eventually(async () =>
      expect((await bot.store.tickets.listByRequester('U0ALICE'))[0]?.message?.channel).toBe('D0ALICE'),
    )
  })
})

describe('request signing', () => {
  let bot: TestBot
  beforeEach(async () => {
    bot = await startTestBot()
  })
  afterEach(async () => {
    await bot.stop()
  })

  it('rejects an unsigned request with 401 and opens nothing', async () => {
    const res = await bot.command('/direct-debit', '', { unsigned: true })

    expect(res.status).toBe(401)
    expect(bot.slack.callsTo('views.open')).toEqual([])
  })

  it('rejects a request signed with another secret with 401 and opens nothing', async () => {
    const res = await bot.command('/direct-debit', '', { secret: 'not-the-secret' })

    expect(res.status).toBe(401)
    expect(bot.slack.callsTo('views.open')).toEqual([])
  })

  it('rejects a correctly signed request older than five minutes with 401', async () => {
    const res = await bot.command('/direct-debit', '', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })

    expect(res.status).toBe(401)
    expect(bot.slack.callsTo('views.open')).toEqual([])
  })

  it('rejects a correctly signed request timestamped more than five minutes in the future with 401', async () => {
    const res = await bot.command('/direct-debit', '', { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 })

    expect(res.status).toBe(401)
    expect(bot.slack.callsTo('views.open')).toEqual([])
  })

  it('accepts a correctly signed request a little ahead of our clock (skew under five minutes)', async () => {
    const res = await bot.command('/direct-debit', '', { timestamp: Math.floor(Date.now() / 1000) + 60 })

    expect(res.status).toBe(200)
  })

  it('serves GET /healthz with 200 while the store is readable', async () => {
    const res = await fetch(`${bot.url}/healthz`)

    expect(res.status).toBe(200)
  })

  it.skipIf(STORE_BACKEND === 'postgres')(
    'answers GET /healthz with 503 once the data file cannot be read',
    async () => {
      await rm(bot.dataFile)

      const res = await fetch(`${bot.url}/healthz`)

      expect(res.status).toBe(503)
    },
  )
})
