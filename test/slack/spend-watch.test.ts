import { randomBytes } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buttonsOf } from '../support/blocks.js'
import { eventually } from '../support/eventually.js'
import { FakeSlack } from '../support/fake-slack.js'
import { FakeSoracom } from '../support/fake-soracom.js'
import { storeLink } from '../support/soracom-link.js'
import { startTestBot, type TestBot } from '../support/test-bot.js'

/**
 * Spend watch through the whole bot (issue 28): the fake SORACOM with daily figures, `/billing
 * budget`, the checks' alerts each exactly once across a restart, the chart a real PNG that the
 * fake Slack received through files.uploadV2, and `/billing bill` with its chart.
 */

const NOW = '2026-11-26T10:00:00+09:00'
const KEY = { authKeyId: 'keyId-spend0000000000', authKey: 'secret-spend00000000000000000' }
const OP = 'OP0123456789'
const ADMIN = 'U0ADMIN'
const ALERTS = 'C0ALERTS'
const text = (call: { args: Record<string, unknown> }) =>
  `${String(call.args.text)}\n${JSON.stringify(call.args.blocks ?? [])}`

/** The PNG's signature and its IHDR width and height. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

describe('spend watch: budgets, alerts once, charts', () => {
  let slack: FakeSlack
  let soracom: FakeSoracom
  let bot: TestBot
  const credentialsKey = randomBytes(32)
  const start = (dataFile?: string, now = NOW) =>
    startTestBot({
      now,
      slack,
      soracom,
      credentialsKey,
      access: { admins: [ADMIN] },
      ...(dataFile ? { dataFile } : {}),
    })

  /** November so far: `through` days at `daily` yen (day `spikeOn` at `spike`), plus 5,000 yen charged monthly. */
  function november(through: number, daily: number, spike?: { on: number; amount: number }) {
    const days = Array.from({ length: through }, (_, i) => ({
      date: `202611${String(i + 1).padStart(2, '0')}`,
      amount: spike && spike.on === i + 1 ? spike.amount : daily,
    }))
    soracom.daily.set('202611', days)
    const amount = 5000 + days.reduce((a, d) => a + d.amount, 0)
    soracom.latest = {
      amount,
      currency: 'JPY',
      lastEvaluatedTime: `202611${String(through + 1).padStart(2, '0')}090000`,
    }
    return amount
  }

  beforeEach(async () => {
    slack = await new FakeSlack().start()
    soracom = await new FakeSoracom().start()
    soracom.keys.set(KEY.authKeyId, { authKey: KEY.authKey, operatorId: OP })
    soracom.paymentMethod = { providerType: 'WebPay', errorCode: 'success' }
    for (const [month, amount] of [
      ['202608', 38_500],
      ['202609', 41_200],
      ['202610', 44_900],
    ] as const) {
      soracom.bills.set(month, {
        yearMonth: month,
        amount,
        currency: 'JPY',
        state: 'closed',
        paymentStatus: 'paid',
      })
    }
    soracom.daily.set(
      '202610',
      Array.from({ length: 31 }, (_, i) => ({
        date: `202610${String(i + 1).padStart(2, '0')}`,
        amount: 1300,
      })),
    )
    soracom.billItems = [
      {
        yearMonth: '202611',
        currency: 'JPY',
        costBreakdownList: [
          { billItemName: 'データ通信料', billItemCategory: 'air', amount: 21_000 },
          { billItemName: '基本料金', billItemCategory: 'air', amount: 9_000 },
          { billItemName: 'SORACOM Harvest Data', amount: 2_000 },
          { billItemName: 'SMS', amount: 300 },
        ],
      },
    ]
    soracom.simCosts = [
      {
        yearMonth: '202611',
        currency: 'JPY',
        costBreakdownList: Array.from({ length: 7 }, (_, i) => ({
          simId: `898110000000000000${i}`,
          amount: 7000 - i * 900,
        })),
      },
    ]
    november(20, 1300)
    bot = await start()
    await storeLink(bot, { operatorId: OP, coverage: 'jp', key: KEY, alertChannel: ALERTS, linkedBy: ADMIN })
  })
  afterEach(async () => {
    await bot.stop()
    await slack.stop()
    await soracom.stop()
  })

  const alerts = () => slack.callsTo('chat.postMessage').filter((c) => c.args.channel === ALERTS)
  const budgetReply = async (words: string, userId = ADMIN) => {
    const before = slack.callsTo('response_url').length
    const res = await bot.command('/billing', `budget ${words}`, { userId })
    if (res.text !== '') return res.text
    return text(await slack.waitFor('response_url', () => true, { count: before + 1 }))
  }

  it('an admin sets, lists and removes a budget; anyone else is refused', async () => {
    expect(await budgetReply(`${OP} 60,000`, 'U0BOB')).toContain('管理者だけ')
    const set = await budgetReply(`${OP} 60,000`)
    expect(set).toContain('月の予算を 60,000 円 にしました')
    expect(set).toContain('2026年11月の累計は 31,000 円（予算の 52 %）')
    expect((await bot.store.links.get(OP, 'jp'))?.budget).toMatchObject({
      amount: 60_000,
      currency: 'JPY',
      setBy: ADMIN,
    })
    expect(await budgetReply('')).toContain(`${OP}（日本）: 60,000 円`)
    await bot.checkLinks() // keeps this month so far on the link
    expect(await budgetReply('')).toContain(`${OP}（日本）: 60,000 円（今月の累計 31,000 円、52 %）`)
    expect(await budgetReply(`${OP} off`)).toContain('予算を削除しました')
    expect((await bot.store.links.get(OP, 'jp'))?.budget).toBeUndefined()
  })

  it('80 %, 100 % and a spike: exactly one alert each with the figures, across a restart; each with a PNG chart', async () => {
    await budgetReply(`${OP} 50,000`)
    await bot.checkLinks()
    expect(alerts()).toHaveLength(0)

    november(26, 1300) // 5,000 + 26 x 1,300 = 38,800: 78 %, forecast 38,800 + 4 x 1,300 = 44,000
    await bot.checkLinks()
    expect(alerts()).toHaveLength(0)
    november(27, 1300, { on: 27, amount: 3000 }) // 41,800: 84 %, and a spike on the 27th
    await bot.checkLinks()
    await bot.checkLinks()
    const kinds = (await bot.store.alerts.all()).map((a) => (a.kind === 'spend' ? a.spend : a.kind)).sort()
    expect(kinds).toEqual(['budget_80', 'spike'])
    const early = alerts().find((c) => text(c).includes('予算の 84 %'))
    expect(early).toBeDefined()
    if (!early) return
    const body = text(early)
    expect(body).toContain('*今月の累計*: 41,800 円（2026年11月27日(金)まで）')
    expect(body).toContain('*予算*: 50,000 円（84 % 使用）')
    // 41,800 + 3 days x 1,300 (the spike counted as a usual day)
    expect(body).toContain('*月末の予測*: 45,700 円（予算の 91 %）')
    expect(body).toContain('データ通信料 21,000 円、基本料金 9,000 円、SORACOM Harvest Data 2,000 円')
    expect(body).toContain('`8981100000000000004` 3,400 円')
    expect(body).not.toContain('8981100000000000005')
    expect(body).toContain('予測の方法')
    expect(body).toContain('1日ほど遅れる')
    expect(body).toContain('初期費用は含まれません')
    expect(buttonsOf(early).map((b) => b.action_id)).toContain('bill_export_csv')
    const spike = alerts().find((c) => text(c).includes(':zap:'))
    expect(spike && text(spike)).toContain('2026年11月27日(金)のご利用料金がふだんの 2.3 倍でした')

    await eventually(() => expect(slack.uploads).toHaveLength(2))
    expect(slack.violations).toEqual([])
    for (const upload of slack.uploads) {
      expect(upload.channel).toBe(ALERTS)
      const { width, height } = pngSize(upload.bytes)
      expect(width).toBe(1080)
      expect(height).toBeGreaterThan(1000)
    }
    const storedTs = (await bot.store.alerts.all()).map((a) => a.message?.ts).sort()
    expect(slack.uploads.map((u) => u.threadTs).sort()).toEqual(storedTs)

    await bot.stopKeepingData()
    bot = await start(bot.dataFile)
    await bot.checkLinks()
    expect(alerts()).toHaveLength(2)

    november(29, 1300) // 46,000 + ...: past 100 %
    soracom.latest = { ...soracom.latest, amount: 51_000 }
    await bot.checkLinks()
    await bot.checkLinks()
    bot = await (async () => {
      await bot.stopKeepingData()
      return start(bot.dataFile)
    })()
    await bot.checkLinks()
    expect(alerts().filter((c) => text(c).includes('予算 50,000 円 を超えました'))).toHaveLength(1)
    expect(alerts()).toHaveLength(3)
  })

  it('a budget set on a month already over it sends nothing this month and says so in the reply', async () => {
    const reply = await budgetReply(`${OP} 30000`)
    expect(reply).toContain('今月はすでに予算 30,000 円 を超えています')
    expect(reply).toContain('今月はこのことのアラートは送りません')
    await bot.checkLinks()
    expect(alerts()).toHaveLength(0)
  })

  it('/billing bill answers in text, then sends the chart to the asker’s DM; a chart Slack refuses leaves the text', async () => {
    const before = slack.callsTo('response_url').length
    await bot.command('/billing', 'bill', { userId: 'U0ALICE' })
    const answer = await slack.waitFor('response_url', () => true, { count: before + 1 })
    expect(text(answer)).toContain('44,900 円')
    const note = await slack.waitFor('response_url', () => true, { count: before + 2 })
    expect(text(note)).toContain('グラフを DM に送りました')
    expect(slack.uploads).toHaveLength(1)
    expect(slack.uploads[0]?.channel).toBe('D0ALICE')
    expect(pngSize(slack.uploads[0]?.bytes ?? Buffer.alloc(0)).width).toBe(1080)

    slack.failNext('files.getUploadURLExternal', { body: { ok: false, error: 'missing_scope' } })
    await bot.command('/billing', 'bill', { userId: 'U0ALICE' })
    const second = await slack.waitFor('response_url', () => true, { count: before + 3 })
    expect(text(second)).toContain('44,900 円')
    const failed = await slack.waitFor('response_url', () => true, { count: before + 4 })
    expect(text(failed)).toContain('グラフを作れなかったため')
    expect(slack.uploads).toHaveLength(1)
  })

  it('/billing digest weekly: one digest in the channel on the week’s first business day, across restarts', async () => {
    const res = await bot.command('/billing', 'digest weekly', { userId: ADMIN, channelId: 'C0DESK' })
    expect(res.text).toContain('毎週最初の営業日')
    expect((await bot.command('/billing', 'digest weekly', { userId: 'U0BOB' })).text).toContain('管理者だけ')
    await bot.checkLinks()
    const digests = () => slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0DESK')
    expect(digests()).toHaveLength(0) // Thursday

    for (let run = 0; run < 2; run++) {
      await bot.stopKeepingData()
      bot = await start(bot.dataFile, '2026-11-30T09:30:00+09:00') // Monday
      await bot.checkLinks()
    }
    expect(digests()).toHaveLength(1)
    const digest = text(digests()[0] ?? { args: {} })
    expect(digest).toContain('今週の利用料金のまとめ')
    expect(digest).toContain('今月の累計 31,000 円')
    expect(digest).toContain('前月 44,900 円 に対し予測は −2 %')
    expect(digest).toContain('データ通信料 21,000 円')
    await eventually(() => expect(slack.uploads.filter((u) => u.channel === 'C0DESK')).toHaveLength(1))
  })
})
