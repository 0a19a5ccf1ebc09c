import { randomBytes } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { linkOperator } from '../../src/app/link-operator.js'
import { buttonsOf } from '../support/blocks.js'
import { eventually } from '../support/eventually.js'
import { FakeSlack } from '../support/fake-slack.js'
import { FakeSoracom } from '../support/fake-soracom.js'
import { storeLink } from '../support/soracom-link.js'
import { startTestBot, type TestBot } from '../support/test-bot.js'

const NOW = '2026-11-26T10:00:00+09:00'
const KEY = { authKeyId: 'keyId-alerts000000000', authKey: 'secret-alerts0000000000000000' }
const ALERTS = 'C0ALERTS'
const text = (call: { args: Record<string, unknown> }) =>
  `${String(call.args.text)}\n${JSON.stringify(call.args.blocks ?? [])}`

describe('checks of a linked operator: amount-final and payment-error alerts', () => {
  let slack: FakeSlack
  let soracom: FakeSoracom
  let bot: TestBot
  const credentialsKey = randomBytes(32)

  const start = async (dataFile?: string) =>
    startTestBot({ now: NOW, slack, soracom, credentialsKey, ...(dataFile ? { dataFile } : {}) })

  beforeEach(async () => {
    slack = await new FakeSlack().start()
    soracom = await new FakeSoracom().start()
    soracom.keys.set(KEY.authKeyId, { authKey: KEY.authKey, operatorId: 'OP0123456789' })
    soracom.paymentMethod = { providerType: 'WebPay', errorCode: 'success' }
    soracom.bills.set('202609', {
      yearMonth: '202609',
      amount: 27842,
      currency: 'JPY',
      state: 'closed',
      paymentStatus: 'paid',
    })
    bot = await start()
    await storeLink(bot, {
      operatorId: 'OP0123456789',
      coverage: 'jp',
      key: KEY,
      alertChannel: ALERTS,
      linkedBy: 'U0ADMIN',
    })
  })
  afterEach(async () => {
    await bot.stop()
    await slack.stop()
    await soracom.stop()
  })

  const posts = () => slack.callsTo('chat.postMessage').filter((c) => c.args.channel === ALERTS)
  /** SORACOM finalizes October 2026 with these figures. */
  const closeOctober = (bill: { amount: number; paymentStatus: string; appliedCouponAmount?: number }) =>
    soracom.bills.set('202610', { yearMonth: '202610', currency: 'JPY', state: 'closed', ...bill })

  it('announces a month that became final once, with the change and the CSV button', async () => {
    expect(await bot.checkLinks()).toMatchObject({ checked: 1, alerts: 0 })
    expect(posts()).toHaveLength(0)

    closeOctober({ amount: 28734, appliedCouponAmount: 300, paymentStatus: 'paid' })
    expect(await bot.checkLinks()).toMatchObject({ alerts: 1 })
    const [alert] = posts()
    expect(alert).toBeDefined()
    if (!alert) return
    expect(text(alert)).toContain('2026年10月ご利用分の請求金額が確定しました: 28,734 円（前月比 +3.2 %）')
    expect(text(alert)).toContain('*クーポン適用*: 300 円')
    expect(buttonsOf(alert).map((b) => b.action_id)).toContain('bill_export_csv')

    await bot.checkLinks()
    await Promise.all([bot.checkLinks(), bot.checkLinks()])
    expect(posts()).toHaveLength(1)
  })

  it('a declined card: one alert with the §3.8.1 checklist, closed by itself when the card works again', async () => {
    soracom.paymentMethod = { providerType: 'WebPay', errorCode: 'card_declined' }
    await bot.checkLinks()
    await bot.checkLinks()
    expect(posts()).toHaveLength(1)
    const alert = posts()[0]
    if (!alert) return
    expect(text(alert)).toContain('カード会社に決済を断られました')
    expect(text(alert)).toContain('§3.8.1')
    expect(text(alert)).toContain('カバレッジを確認する')
    expect(text(alert)).toContain('「決済エラー」')
    const [checklist] = await bot.store.checklists.all()
    expect(checklist).toMatchObject({ kind: 'payment_error_card', coverage: 'jp', channel: ALERTS })

    soracom.paymentMethod = { providerType: 'WebPay', errorCode: 'success' }
    expect(await bot.checkLinks()).toMatchObject({ closed: 1 })
    const update = await slack.waitFor('chat.update')
    expect(text(update)).toContain('決済できる状態に戻ったことを確認しました')
    expect(buttonsOf(update)).toEqual([])
    expect((await bot.store.checklists.get(checklist?.id ?? ''))?.closed).toBeDefined()
    await bot.checkLinks()
    expect(posts()).toHaveLength(1)
  })

  it('a failed bill: one invoice or card alert per month; paid again closes it', async () => {
    soracom.paymentMethod = undefined
    closeOctober({ amount: 5000, paymentStatus: 'fail' })
    await bot.checkLinks()
    await bot.checkLinks()
    expect(posts().filter((p) => text(p).includes('支払いエラーの対応'))).toHaveLength(1)
    const failed = posts().find((p) => text(p).includes('支払いエラーの対応'))
    if (!failed) return
    expect(text(failed)).toContain('2026年10月ご利用分の支払いが「支払いエラー（決済できませんでした）」')
    expect(text(failed)).toContain('ネットプロテクションズ社')

    soracom.bills.set('202610', { ...soracom.bills.get('202610'), paymentStatus: 'paid' })
    expect(await bot.checkLinks()).toMatchObject({ closed: 1 })
    expect(text(await slack.waitFor('chat.update'))).toContain('この月の支払い済みを確認しました')
  })

  it('repeats nothing after a restart between runs', async () => {
    await bot.checkLinks()
    closeOctober({ amount: 100, paymentStatus: 'paid' })
    soracom.paymentMethod = { providerType: 'WebPay', errorCode: 'invalid_expiry' }
    await bot.checkLinks()
    expect(posts()).toHaveLength(2)

    await bot.stopKeepingData()
    bot = await start(bot.dataFile)
    await bot.sweep()
    await bot.checkLinks()
    expect(posts()).toHaveLength(2)
  })

  it('SORACOM down during a run: no alert, no crash, the other operators go on; the next run catches up', async () => {
    soracom.keys.set('keyId-other0000000000', { authKey: 'secret-other', operatorId: 'OP0000000002' })
    await storeLink(bot, {
      operatorId: 'OP0000000002',
      coverage: 'g',
      key: { authKeyId: 'keyId-other0000000000', authKey: 'secret-other' },
      alertChannel: ALERTS,
    })
    await bot.checkLinks()
    closeOctober({ amount: 100, paymentStatus: 'paid' })
    soracom.hang('GET /v1/bills')
    expect(await bot.checkLinks()).toMatchObject({ checked: 0, failed: 2, alerts: 0 })
    expect(posts()).toHaveLength(0)

    soracom.recover()
    expect(await bot.checkLinks()).toMatchObject({ checked: 2, failed: 0, alerts: 2 })
    expect(posts()).toHaveLength(2)
  })

  it('an alert Slack refused is posted once by the next sweep, saying it is late', async () => {
    await bot.checkLinks()
    closeOctober({ amount: 100, paymentStatus: 'paid' })
    // An error waiting will not fix: no early retry (redelivery.ts) races the sweep this test is about.
    slack.failNext('chat.postMessage', { body: { ok: false, error: 'invalid_blocks' } })
    await bot.checkLinks()
    expect((await bot.store.alerts.all())[0]?.undelivered).toBeDefined()

    await bot.sweep()
    await bot.sweep()
    const delivered = posts().filter((p) => p.args.blocks)
    expect(delivered.map((p) => text(p)).filter((t) => t.includes('確定しました'))).toHaveLength(2)
    expect((await bot.store.alerts.all())[0]?.message).toBeDefined()
    expect(text(posts().at(-1) as never)).toContain('お知らせが遅れました')
  })

  it('replaces the date-based amount-final reminder in the alert channel when an operator is linked there', async () => {
    await bot.command('/billing', 'calendar subscribe card', { channelId: 'C0OTHER' })
    await bot.command('/billing', 'calendar subscribe invoice', { channelId: ALERTS })
    await bot.sweep()
    const active = async () =>
      (await bot.store.reminders.active()).filter((r) => r.kind === 'calendar_amount_final')
    expect((await active()).map((r) => r.channel)).toEqual(expect.arrayContaining(['C0OTHER']))
    expect((await active()).some((r) => r.channel === ALERTS)).toBe(false)
    expect(
      (await bot.store.reminders.active()).some((r) => r.channel === ALERTS && r.kind === 'calendar_due'),
    ).toBe(true)
  })

  const linkBrokenAlerts = async () => (await bot.store.alerts.all()).filter((a) => a.kind === 'link_broken')

  it('tells the alert channel once when SORACOM stops accepting the stored key, and says so again when it works', async () => {
    expect(await bot.checkLinks()).toMatchObject({ checked: 1, alerts: 0 })
    soracom.keys.clear()
    soracom.tokens.clear()

    expect(await bot.checkLinks()).toMatchObject({ failed: 1, alerts: 1 })
    const [post] = posts()
    if (!post) throw new Error('no alert')
    const lastHome = () => JSON.stringify(slack.callsTo('views.publish').at(-1)?.args.view ?? {})
    await bot.event({ type: 'app_home_opened', user: 'U0ADMIN', channel: 'D0ADMIN', tab: 'home' })
    await eventually(() =>
      expect(lastHome()).toMatch(/`OP0123456789`（日本）[^"]* ・ :warning: 連携が使えなくなっています/),
    )
    expect(text(post)).toContain('OP0123456789（日本）の SORACOM 連携が使えなくなりました')
    expect(text(post)).toContain('保存済みの認証キーを受け付けません')
    expect(text(post)).toContain('`/billing link` で連携し直してください')
    expect(text(post)).toContain('最後に確認できたのは 2026年11月26日(木) 10:00')
    // The next runs fail the same way: nothing more is said.
    await bot.checkLinks()
    await bot.checkLinks()
    expect(posts()).toHaveLength(1)

    soracom.keys.set(KEY.authKeyId, { authKey: KEY.authKey, operatorId: 'OP0123456789' })
    expect(await bot.checkLinks()).toMatchObject({ checked: 1 })
    const update = await slack.waitFor('chat.update')
    expect(update.args.ts).toBe((await linkBrokenAlerts())[0]?.message?.ts)
    expect(text(update)).toContain('OP0123456789（日本）の SORACOM 連携は復旧しました')
    expect((await linkBrokenAlerts())[0]).toMatchObject({ restored: expect.any(String) })

    // App Home says so beside the operator's bill while it lasts.
    await bot.event({ type: 'app_home_opened', user: 'U0ADMIN', channel: 'D0ADMIN', tab: 'home' })
    await eventually(() => expect(lastHome()).not.toContain('連携が使えなくなっています'))
    expect(lastHome()).toContain('`OP0123456789`（日本）')

    // Broken again later: that is news again.
    soracom.keys.clear()
    soracom.tokens.clear()
    expect(await bot.checkLinks()).toMatchObject({ alerts: 1 })
    expect(posts()).toHaveLength(2)
    expect(await linkBrokenAlerts()).toHaveLength(2)
  })

  it("says when the SAM user's permission to read bills is taken away", async () => {
    await bot.checkLinks()
    soracom.denied.add('GET /v1/bills')

    expect(await bot.checkLinks()).toMatchObject({ failed: 1, alerts: 1 })
    expect(text(posts()[0] ?? { args: {} })).toContain('請求情報の読み取りを拒否しています')
  })

  it('says nothing while SORACOM is unreachable for less than a day, then tells the channel once', async () => {
    await bot.checkLinks()
    soracom.hang('GET /v1/bills')

    bot.setNow('2026-11-27T09:00:00+09:00')
    expect(await bot.checkLinks()).toMatchObject({ failed: 1, alerts: 0 })
    expect(posts()).toHaveLength(0)

    bot.setNow('2026-11-27T10:30:00+09:00')
    expect(await bot.checkLinks()).toMatchObject({ failed: 1, alerts: 1 })
    expect(text(posts()[0] ?? { args: {} })).toContain('SORACOM API に接続できない状態が続いています')
    await bot.checkLinks()
    expect(posts()).toHaveLength(1)

    soracom.recover()
    await bot.checkLinks()
    const update = await slack.waitFor('chat.update')
    expect(text(update)).toContain('復旧しました')
  })

  it('withdraws the amount-final reminders already handed to Slack when an operator is linked to that channel', async () => {
    await bot.command('/billing', 'calendar subscribe card', { channelId: 'C0DESK' })
    await bot.sweep()
    const desk = async () =>
      (await bot.store.reminders.active()).filter(
        (r) => r.kind === 'calendar_amount_final' && r.channel === 'C0DESK',
      )
    expect((await desk()).length).toBeGreaterThan(0)
    const scheduled = slack.callsTo('chat.scheduleMessage').length
    expect(scheduled).toBeGreaterThan(0)

    const outcome = await linkOperator(bot.deps, {
      user: 'U0ADMIN',
      admin: true,
      operatorId: 'OP0123456789',
      coverage: 'g',
      key: KEY,
      alertChannel: 'C0DESK',
    })
    expect(outcome.kind).toBe('linked')
    expect(await desk()).toEqual([])
    expect(slack.callsTo('chat.deleteScheduledMessage').length).toBeGreaterThan(0)
    await bot.sweep()
    expect(await desk()).toEqual([])
  })
})

describe('the payment-error checklist without a link (SORACOM mail arrived)', () => {
  it('starts from App Home, asks coverage and how they pay, and is ticked by its owner only', async () => {
    const bot = await startTestBot({ now: NOW })
    try {
      await bot.click({ action_id: 'home_start_payment_error', value: 'payment_error' })
      const res = await bot.submitOpened(
        { operator_id: 'OP0123456789', coverage: 'g', payment_method: 'card', account_type: 'individual' },
        { userId: 'U0ALICE' },
      )
      expect(res.status).toBe(200)
      const post = await bot.slack.waitFor('chat.postMessage')
      expect(post.args.channel).toBe('U0ALICE')
      expect(text(post)).toContain('OP0123456789（グローバル）で SORACOM から支払いエラーの連絡がありました')
      expect(text(post)).toContain('個人アカウントはクレジットカード以外のお支払い方法がありません')
      const [checklist] = await bot.store.checklists.all()
      expect(checklist?.kind).toBe('payment_error_card_individual')

      const step = buttonsOf(post).find((b) => b.value.endsWith(':coverage:tick'))
      expect(step).toBeDefined()
      // The click is acknowledged first and applied after, so the outcome is awaited, not read at once.
      await bot.click({ action_id: step?.action_id ?? '', value: step?.value ?? '' }, { userId: 'U0MALLORY' })
      const refusal = await bot.slack.waitFor('response_url')
      expect(String(refusal.args.text)).toContain('作成した本人か管理者だけ')
      expect((await bot.store.checklists.get(checklist?.id ?? ''))?.items[0]?.ticked).toBeUndefined()
      await bot.click({ action_id: step?.action_id ?? '', value: step?.value ?? '' }, { userId: 'U0ALICE' })
      await eventually(async () =>
        expect((await bot.store.checklists.get(checklist?.id ?? ''))?.items[0]?.ticked?.by).toBe('U0ALICE'),
      )
    } finally {
      await bot.stop()
    }
  })

  it('refuses invoice payment for an individual account, inline', async () => {
    const bot = await startTestBot({ now: NOW })
    try {
      await bot.click({ action_id: 'home_start_payment_error', value: 'payment_error' })
      const res = await bot.submitOpened({
        operator_id: 'OP0123456789',
        coverage: 'jp',
        payment_method: 'invoice',
        account_type: 'individual',
      })
      expect(res.body).toMatchObject({
        response_action: 'errors',
        errors: { payment_method: expect.stringContaining('クレジットカードのみ') },
      })
    } finally {
      await bot.stop()
    }
  })
})
