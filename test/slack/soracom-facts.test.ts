import { randomBytes } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { preformattedText } from '../support/blocks.js'
import { FakeSoracom } from '../support/fake-soracom.js'
import { postSigned, viewSubmissionForm } from '../support/slack-request.js'
import { storeLink } from '../support/soracom-link.js'
import { startTestBot, type TestBot } from '../support/test-bot.js'

/** Thursday 26 November 2026: October's invoice was issued on 6 November, so it is late now. */
const NOW = '2026-11-26T10:00:00+09:00'
const KEY = { authKeyId: 'keyId-facts0000000000', authKey: 'secret-facts0000000000000000' }

/** The reissue modal, with the two questions SORACOM can answer left empty. */
const REISSUE = {
  operator_id: 'OP0123456789',
  coverage: 'jp',
  usage_month: '2026-10',
  delivery: 'email',
  checks: ['mail_searched', 'spam_checked'],
  destination: 'soracom',
}

type View = { blocks: Array<{ block_id?: string; optional?: boolean }> }
const text = (view: unknown) => JSON.stringify((view as { blocks?: unknown }).blocks ?? [])

describe('flows decide from SORACOM what it knows (a linked operator)', () => {
  let bot: TestBot
  let soracom: FakeSoracom

  beforeEach(async () => {
    soracom = await new FakeSoracom().start()
    soracom.keys.set(KEY.authKeyId, { authKey: KEY.authKey, operatorId: 'OP0123456789' })
    soracom.paymentMethod = undefined
    bot = await startTestBot({ now: NOW, soracom, credentialsKey: randomBytes(32) })
    await storeLink(bot, {
      operatorId: 'OP0123456789',
      coverage: 'jp',
      key: KEY,
      alertChannel: 'C0BILLING',
      linkedBy: 'U0ADMIN',
    })
  })
  afterEach(async () => {
    await bot.stop()
    await soracom.stop()
  })

  async function submitReissue(answers: Record<string, string | string[]> = REISSUE) {
    const res = await bot.submitModal('/invoice-reissue', '', answers)
    return { ack: res.body, result: (await bot.slack.waitFor('views.update')).args.view as View }
  }

  it('marks the amount and payment-method questions optional when operators are linked', async () => {
    await bot.command('/invoice-reissue', 'OP0123456789')
    const view = (await bot.slack.waitFor('views.open')).args.view as View
    for (const id of ['payment_method', 'amount_zero'])
      expect(view.blocks.find((b) => b.block_id === id)?.optional).toBe(true)
  })

  it('ends the flow without asking for a 0-yen month, saying what SORACOM answered', async () => {
    soracom.bills.set('202610', {
      yearMonth: '202610',
      amount: 0,
      appliedCouponAmount: 1200,
      currency: 'JPY',
      state: 'closed',
      paymentStatus: 'lessThanMinimumCharge',
    })
    const { ack, result } = await submitReissue()

    expect(ack).toMatchObject({ response_action: 'update' })
    expect(text(result)).toContain('2026年10月ご利用分は 0 円（確定・クーポンで全額充当）')
    expect(text(result)).toContain('再発行の依頼は要りません')
    const post = await bot.slack.waitFor('chat.postMessage')
    expect(JSON.stringify(post.args.blocks)).toContain('発行されません')
    expect(await bot.store.tickets.all()).toEqual([])
  })

  it('answers a card payer with the card-only guidance, whatever the user would have said', async () => {
    soracom.paymentMethod = { providerType: 'WebPay', errorCode: 'success' }
    soracom.bills.set('202610', {
      yearMonth: '202610',
      amount: 3000,
      currency: 'JPY',
      state: 'closed',
      paymentStatus: 'paid',
    })
    const { result } = await submitReissue()

    expect(text(result)).toContain('お支払い方法: クレジットカード')
    expect(await bot.store.tickets.all()).toEqual([])
  })

  it('makes the ticket from SORACOM facts for a late invoice of a non-zero month paid by invoice', async () => {
    soracom.bills.set('202610', {
      yearMonth: '202610',
      amount: 28734,
      currency: 'JPY',
      state: 'closed',
      paymentStatus: 'delegated_to_third_party',
    })
    const { result } = await submitReissue()

    expect(text(result)).toContain('28,734 円（確定）')
    expect(text(result)).toContain('再発行の依頼文をチャンネルに投稿しました')
    const post = await bot.slack.waitFor('chat.postMessage')
    expect(preformattedText(post)).toMatch(/^件名: 請求書再発行のお願い/)
    expect(await bot.store.tickets.all()).toHaveLength(1)
  })

  it('falls back to asking when SORACOM is down: the form comes back, the questions required, the answers kept', async () => {
    soracom.failNext('GET /v1/bills/202610', ...Array.from({ length: 20 }, () => ({ status: 503 })))
    const { result } = await submitReissue()

    expect(text(result)).toContain('SORACOM API に接続できませんでした')
    for (const id of ['payment_method', 'amount_zero'])
      expect(result.blocks.find((b) => b.block_id === id)?.optional).toBe(false)
    expect(text(result)).toContain('2026-10')
    expect(await bot.store.tickets.all()).toEqual([])

    // The user answers the questions on the same form and sends it again: SORACOM is asked again
    // (it answers now) and decides.
    soracom.recover()
    soracom.bills.set('202610', {
      yearMonth: '202610',
      amount: 100,
      currency: 'JPY',
      state: 'closed',
      paymentStatus: 'delegated_to_third_party',
    })
    const again = await postSigned(
      bot.url,
      viewSubmissionForm(result as never, { ...REISSUE, payment_method: 'invoice', amount_zero: 'no' }),
    )
    expect(again.status).toBe(200)
    await bot.slack.waitFor('chat.postMessage')
    expect(await bot.store.tickets.all()).toHaveLength(1)
  })

  it('requires the questions inline for an operator that is not linked (no SORACOM call)', async () => {
    const res = await bot.submitModal('/invoice-reissue', '', { ...REISSUE, operator_id: 'OP0000000001' })
    expect(res.body).toMatchObject({
      response_action: 'errors',
      errors: { payment_method: expect.any(String), amount_zero: expect.any(String) },
    })
    expect(soracom.calls).toEqual([])
  })

  it('/direct-debit learns from SORACOM that a card payer must switch to invoice payment first', async () => {
    soracom.paymentMethod = { providerType: 'WebPay', errorCode: 'success' }
    const res = await bot.submitModal('/direct-debit', '', {
      operator_id: 'OP0123456789',
      coverage: 'jp',
      account_type: 'corporate',
      consent: ['agree'],
    })
    expect(res.body).toMatchObject({ response_action: 'update' })
    const result = (await bot.slack.waitFor('views.update')).args.view
    expect(text(result)).toContain('お支払い方法はクレジットカード')
    expect(text(result)).toContain('請求書払いへの切り替えが必要です')
    await bot.slack.waitFor('chat.postMessage')
    expect(await bot.store.tickets.all()).toEqual([])
  })
})

describe('App Home shows linked operators\u2019 latest bills', () => {
  it('publishes at once, reads SORACOM once for concurrent opens, and publishes the bills', async () => {
    const soracom = await new FakeSoracom().start()
    soracom.keys.set(KEY.authKeyId, { authKey: KEY.authKey, operatorId: 'OP0123456789' })
    soracom.bills.set('202610', {
      yearMonth: '202610',
      amount: 28734,
      currency: 'JPY',
      state: 'closed',
      paymentStatus: 'paid',
    })
    soracom.latest = { amount: 1234, currency: 'JPY', lastEvaluatedTime: '20261126090000' }
    const bot = await startTestBot({ now: NOW, soracom, credentialsKey: randomBytes(32) })
    try {
      await storeLink(bot, {
        operatorId: 'OP0123456789',
        coverage: 'jp',
        key: KEY,
        alertChannel: 'C0BILLING',
        linkedBy: 'U0ADMIN',
      })
      await Promise.all([
        bot.event({ type: 'app_home_opened', user: 'U0ALICE', channel: 'D0ALICE', tab: 'home' }),
        bot.event(
          { type: 'app_home_opened', user: 'U0BOB', channel: 'D0BOB', tab: 'home' },
          { eventId: 'Ev2' },
        ),
      ])
      const published = await bot.slack.waitFor('views.publish', (c) =>
        text(c.args.view).includes('28,734 円'),
      )
      expect(text(published.args.view)).toContain('2026年10月ご利用分 28,734 円（確定・支払い済み）')
      expect(text(published.args.view)).toContain('今月: 1,234 円（集計中')
      expect(soracom.callsTo('GET /v1/bills')).toHaveLength(1)

      // Within the hour the stored bills are shown without asking SORACOM again. (How many
      // publishes the two opens made depends on which saw the bills first: count Alice's from here.)
      const toAlice = (c: { args: Record<string, unknown> }) => c.args.user_id === 'U0ALICE'
      await bot.slack.waitFor('views.publish', (c) => toAlice(c) && text(c.args.view).includes('28,734 円'))
      const before = bot.slack.callsTo('views.publish').filter(toAlice).length
      await bot.event(
        { type: 'app_home_opened', user: 'U0ALICE', channel: 'D0ALICE', tab: 'home' },
        { eventId: 'Ev3' },
      )
      await bot.slack.waitFor('views.publish', toAlice, { count: before + 1 })
      expect(soracom.callsTo('GET /v1/bills')).toHaveLength(1)
    } finally {
      await bot.stop()
      await soracom.stop()
    }
  })
})
