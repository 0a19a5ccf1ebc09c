import { randomBytes } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buttonsOf } from '../support/blocks.js'
import { FakeSlack } from '../support/fake-slack.js'
import { FakeSoracom } from '../support/fake-soracom.js'
import { storeLink } from '../support/soracom-link.js'
import { startTestBot, type TestBot } from '../support/test-bot.js'

const NOW = '2026-11-26T10:00:00+09:00'
const ADMIN = 'U0ADMIN'
const KEY_ID = 'keyId-abcdefghijklmnopqrstuvwxyz012345'
const SECRET = 'secret-Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8'
const LINK = {
  operator_id: 'OP0123456789',
  coverage: 'jp',
  auth_key_id: KEY_ID,
  auth_key: SECRET,
}

type View = { blocks: Array<{ block_id?: string; type: string }> }

/** Everything a reader sees in a view or message. */
const visibleText = (view: { blocks?: unknown } | undefined) => JSON.stringify(view?.blocks ?? [])

describe('/billing link and /billing bill against a fake SORACOM API', () => {
  let bot: TestBot
  let soracom: FakeSoracom
  const logs: string[] = []

  beforeEach(async () => {
    logs.length = 0
    soracom = await new FakeSoracom().start()
    soracom.keys.set(KEY_ID, { authKey: SECRET, operatorId: 'OP0123456789' })
    soracom.bills.set('202207', {
      yearMonth: '202207',
      amount: 27842,
      currency: 'JPY',
      state: 'closed',
      paymentStatus: 'paid',
    })
    soracom.bills.set('202208', {
      yearMonth: '202208',
      amount: 28734,
      appliedCouponAmount: 500,
      currency: 'JPY',
      state: 'closed',
      paymentStatus: 'delegated_to_third_party',
    })
    bot = await startTestBot({
      now: NOW,
      access: { admins: [ADMIN] },
      soracom,
      credentialsKey: randomBytes(32),
      logLines: logs,
    })
  })
  afterEach(async () => {
    await bot.stop()
    await soracom.stop()
  })

  async function link(answers: Record<string, string> = LINK) {
    const opened = bot.slack.callsTo('views.open').length
    const updated = bot.slack.callsTo('views.update').length
    const res = await bot.command('/billing', 'link', { userId: ADMIN })
    expect(res.status).toBe(200)
    await bot.submitOpened(answers, { userId: ADMIN, count: opened + 1 }).then((r) => {
      // The submission is acknowledged before SORACOM is asked: the modal says it is checking.
      expect(r.body).toMatchObject({ response_action: 'update' })
      expect(JSON.stringify(r.body)).toContain('確認しています')
    })
    const call = await bot.slack.waitFor('views.update', () => true, { count: updated + 1 })
    return call.args.view as View
  }

  it('refuses /billing link to anyone but an admin, without opening the modal', async () => {
    const res = await bot.command('/billing', 'link', { userId: 'U0ALICE' })
    expect(res.json()).toMatchObject({ response_type: 'ephemeral' })
    expect(String((res.json() as { text: string }).text)).toContain('管理者だけ')
    expect(bot.slack.callsTo('views.open')).toHaveLength(0)
    expect(soracom.calls).toHaveLength(0)
  })

  it('links after SORACOM accepts the key, and keeps the key only sealed', async () => {
    const view = await link()

    expect(visibleText(view)).toContain('OP0123456789（日本）を連携しました')
    expect(soracom.callsTo('POST /v1/auth')).toHaveLength(1)
    const stored = await bot.store.links.get('OP0123456789', 'jp')
    expect(stored).toMatchObject({ alertChannel: 'C0BILLING', linkedBy: ADMIN })
    const file = await bot.storedText()
    expect(file).toMatch(/"credentials": ?"v1\./)
    expect(file).not.toContain(SECRET)
    expect(file).not.toContain(KEY_ID)
    expect(file).not.toContain('Zm9vYmFy')
  })

  it('shows a refused key under auth_key (the secret is not sent back) and stores nothing', async () => {
    const view = await link({ ...LINK, auth_key: 'secret-wrong' })

    const blocks = view.blocks
    const at = blocks.findIndex((b) => b.block_id === 'auth_key')
    expect(visibleText({ blocks: [blocks[at + 1]] })).toContain(
      'SORACOM がこの認証キーを受け付けませんでした',
    )
    expect(JSON.stringify(view)).not.toContain('secret-wrong')
    expect(JSON.stringify(view)).toContain(KEY_ID)
    expect(await bot.store.links.list()).toEqual([])
  })

  it('shows a key of another operator as an error on operator_id', async () => {
    const view = await link({ ...LINK, operator_id: 'OP9999999999' })

    const at = view.blocks.findIndex((b) => b.block_id === 'operator_id')
    expect(visibleText({ blocks: [view.blocks[at + 1]] })).toContain(
      'この認証キーはオペレーター OP0123456789 のものです',
    )
    expect(await bot.store.links.list()).toEqual([])
  })

  it("shows under auth_key which read permission the key's SAM user lacks, and stores nothing", async () => {
    soracom.denied.add('GET /v1/payment_methods/current')

    const view = await link()

    const at = view.blocks.findIndex((b) => b.block_id === 'auth_key')
    const error = visibleText({ blocks: [view.blocks[at + 1]] })
    expect(error).toContain('Payment:getPaymentMethod の権限がありません')
    expect(error).not.toContain('Billing:getLatestBilling')
    expect(JSON.stringify(view)).not.toContain(SECRET)
    expect(await bot.store.links.list()).toEqual([])
  })

  it('links an operator with no payment method registered yet (404 is not a missing permission)', async () => {
    soracom.paymentMethod = undefined

    const view = await link()

    expect(visibleText(view)).toContain('を連携しました')
    expect(await bot.store.links.list()).toHaveLength(1)
  })

  it('answers bad shapes inline at once, without asking SORACOM', async () => {
    await bot.command('/billing', 'link', { userId: ADMIN })
    const res = await bot.submitOpened({ ...LINK, auth_key: 'hunter2' }, { userId: ADMIN })
    expect(res.body).toMatchObject({
      response_action: 'errors',
      errors: { auth_key: expect.stringContaining('secret-') },
    })
    expect(soracom.calls).toHaveLength(0)
  })

  it('/billing bill 2022-08 shows the amount, coupon, state, status and change; the CSV button gives the export URL', async () => {
    await link()
    const res = await bot.command('/billing', 'bill 2022-08', { userId: 'U0ALICE' })
    expect(res.text).toBe('')

    const answer = await bot.slack.waitFor('response_url')
    const text = visibleText(answer.args)
    expect(text).toContain('課金詳細 CSV')
    expect(text).toContain('チャンネルに共有')
    expect(answer.args.response_type).toBe('ephemeral')
    expect(text).toContain('OP0123456789（日本） 2022年8月ご利用分')
    expect(text).toContain('28,734 円')
    expect(text).toContain('*クーポン適用*: 500 円')
    expect(text).toContain('確定')
    expect(text).toContain('請求書払い（NP 掛け払いで請求・回収）')
    expect(text).toContain('+3.2 %（前月 27,842 円）')
    const buttons = buttonsOf(answer)
    expect(buttons.map((b) => b.action_id)).toEqual(['bill_export_csv', 'bill_share'])

    const csv = buttons[0]
    await bot.click({ action_id: csv?.action_id ?? '', value: csv?.value ?? '' })
    const exported = await bot.slack.waitFor('response_url', () => true, { count: 2 })
    expect(String(exported.args.text)).toContain(
      '<https://soracom-export.example/202208.csv?sig=x|ダウンロード>',
    )
    expect(soracom.callsTo('POST /v1/bills/202208/export')).toHaveLength(1)
  })

  it('offers the 請求明細書 PDF to card payers and shares a bill to the channel on request', async () => {
    soracom.bills.set('202208', { ...soracom.bills.get('202208'), paymentStatus: 'paid' })
    soracom.statements = [
      { paymentStatementId: 'PS01', chargedYearMonths: ['202208'], paymentDateTime: 1662000000000 },
    ]
    await link()
    await bot.command('/billing', 'bill', { userId: 'U0ALICE' })
    const answer = await bot.slack.waitFor('response_url')
    expect(visibleText(answer.args as View)).toContain('2022年8月ご利用分')
    const buttons = buttonsOf(answer)
    expect(buttons.map((b) => b.action_id)).toEqual([
      'bill_export_csv',
      'bill_export_statement',
      'bill_share',
    ])
    expect(visibleText(answer.args)).toContain('請求明細書 PDF')

    await bot.click({ action_id: buttons[1]?.action_id ?? '', value: buttons[1]?.value ?? '' })
    const pdf = await bot.slack.waitFor('response_url', () => true, { count: 2 })
    expect(String(pdf.args.text)).toContain('https://soracom-export.example/PS01.pdf')

    await bot.click({ action_id: buttons[2]?.action_id ?? '', value: buttons[2]?.value ?? '' })
    const shared = await bot.slack.waitFor('chat.postMessage')
    expect(visibleText(shared.args as View)).toContain('<@U0ALICE> さんが共有')
    expect(visibleText(shared.args as View)).toContain('28,734 円')
    expect(buttonsOf(shared)).toEqual([])
  })

  it('says SORACOM could not be reached when it hangs, after an immediate ack; other commands keep working', async () => {
    // SORACOM is given up on only after 2 s here: an ack that waited for it could not come in 1 s,
    // and 1 s leaves a loaded CI machine room.
    await bot.stop()
    bot = await startTestBot({
      now: NOW,
      access: { admins: [ADMIN] },
      soracom,
      credentialsKey: randomBytes(32),
      soracomTiming: { timeoutMs: 2000, deadlineMs: 2500, backoffMs: 20 },
    })
    await link()
    soracom.hang('GET /v1/bills/202208')
    const started = Date.now()
    const res = await bot.command('/billing', 'bill 2022-08', { userId: 'U0ALICE' })
    expect(res.status).toBe(200)
    expect(Date.now() - started).toBeLessThan(1000)

    const help = await bot.command('/billing', 'help')
    expect(String((help.json() as { text: string }).text)).toContain('ヘルプ')

    const answer = await bot.slack.waitFor('response_url', (c) => String(c.args.text).includes('SORACOM'))
    expect(String(answer.args.text)).toContain('SORACOM API に接続できませんでした。しばらくしてから')
  })

  it('keeps the bill it showed on the link once: asking again writes nothing', async () => {
    await link()
    await bot.command('/billing', 'bill 2022-08', { userId: 'U0ALICE' })
    await bot.slack.waitFor('response_url')
    expect((await bot.store.links.get('OP0123456789', 'jp'))?.latestBill).toMatchObject({
      month: '2022-08',
      amount: 28734,
    })
    const writes = bot.fileStore?.db.fileWrites

    await bot.command('/billing', 'bill 2022-08', { userId: 'U0ALICE' })
    await bot.slack.waitFor('response_url', () => true, { count: 2 })
    expect(bot.fileStore?.db.fileWrites).toBe(writes)
  })

  it('tells the user to link again when SORACOM no longer accepts the stored key', async () => {
    await link()
    soracom.keys.clear()
    soracom.tokens.clear()
    await bot.command('/billing', 'bill 2022-08', { userId: 'U0ALICE' })
    const answer = await bot.slack.waitFor('response_url')
    expect(String(answer.args.text)).toContain('`/billing link` で連携し直してください')
  })

  it('unlinks (admins only) and forgets the sealed key', async () => {
    await link()
    const refused = await bot.command('/billing', 'unlink OP0123456789', { userId: 'U0ALICE' })
    expect(String((refused.json() as { text: string }).text)).toContain('管理者だけ')
    expect(await bot.store.links.list()).toHaveLength(1)

    const done = await bot.command('/billing', 'unlink OP0123456789 jp', { userId: ADMIN })
    expect(String((done.json() as { text: string }).text)).toContain('連携を解除')
    expect(await bot.store.links.list()).toEqual([])
    expect(await bot.storedText()).not.toContain('"credentials"')
  })

  it('never lets the auth key reach a log line or a Slack payload', async () => {
    await link()
    await bot.command('/billing', 'bill 2022-08', { userId: 'U0ALICE' })
    await bot.slack.waitFor('response_url')

    expect(logs.length).toBeGreaterThan(0)
    for (const line of logs) {
      expect(line).not.toContain(SECRET)
      expect(line).not.toContain(KEY_ID)
    }
    const traffic = JSON.stringify(bot.slack.calls.map((c) => c.args))
    expect(traffic).not.toContain(SECRET)
    expect(traffic).not.toContain(KEY_ID)
    // The key reaches SORACOM's /auth and nothing else.
    const sent = soracom.calls.filter((c) => JSON.stringify(c).includes(SECRET))
    expect(sent.length).toBeGreaterThan(0)
    expect(new Set(sent.map((c) => c.path))).toEqual(new Set(['/v1/auth']))
  })

  it('lists the linked operators to pick from when more than one fits, keeping the month', async () => {
    await link()
    await storeLink(bot, {
      operatorId: 'OP0123456789',
      coverage: 'g',
      key: { authKeyId: KEY_ID, authKey: SECRET },
      alertChannel: 'C0BILLING',
      linkedBy: ADMIN,
    })
    await bot.command('/billing', 'bill 2022-08', { userId: 'U0ALICE' })
    const list = await bot.slack.waitFor('response_url')
    expect(visibleText(list.args)).toContain('どのオペレーターの請求を表示しますか')
    const picks = buttonsOf(list)
    expect(picks.map((b) => b.action_id)).toEqual(['bill_show:OP0123456789:g', 'bill_show:OP0123456789:jp'])

    await bot.click({ action_id: picks[1]?.action_id ?? '', value: picks[1]?.value ?? '' })
    const shown = await bot.slack.waitFor('response_url', () => true, { count: 2 })
    expect(visibleText(shown.args)).toContain('2022年8月ご利用分')
    expect(visibleText(shown.args)).toContain('28,734 円')
  })
})

describe('who may link when ADMIN_USER_IDS is unset', () => {
  it("the workspace's admins and owners, as Slack says; nobody else", async () => {
    const slack = await new FakeSlack().start()
    slack.on('users.info', (call) => ({
      body: {
        ok: true,
        user: { id: call.args.user, is_admin: call.args.user === 'U0BOSS', is_owner: false },
      },
    }))
    const bot = await startTestBot({
      now: NOW,
      slack,
      access: { admins: [] },
      credentialsKey: randomBytes(32),
    })
    try {
      const refused = await bot.command('/billing', 'link', { userId: 'U0ALICE' })
      expect(String((refused.json() as { text: string }).text)).toContain('管理者だけ')
      const allowed = await bot.command('/billing', 'link', { userId: 'U0BOSS' })
      expect(allowed.text).toBe('')
      await bot.slack.waitFor('views.open')
    } finally {
      await bot.stop()
      await slack.stop()
    }
  })
})

describe('linking without CREDENTIALS_KEY', () => {
  it('checks nothing into the file and tells the admin the key is missing', async () => {
    const soracom = await new FakeSoracom().start()
    soracom.keys.set(KEY_ID, { authKey: SECRET, operatorId: 'OP0123456789' })
    const bot = await startTestBot({ now: NOW, soracom, access: { admins: [ADMIN] } })
    try {
      await bot.command('/billing', 'link', { userId: ADMIN })
      await bot.submitOpened(LINK, { userId: ADMIN })
      const view = (await bot.slack.waitFor('views.update')).args.view as View
      expect(visibleText(view)).toContain('CREDENTIALS_KEY が設定されていない')
      expect(await bot.store.links.list()).toEqual([])
      expect(await bot.storedText()).not.toContain(SECRET)
    } finally {
      await bot.stop()
      await soracom.stop()
    }
  })
})
