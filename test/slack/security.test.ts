import { afterEach, describe, expect, it } from 'vitest'
import type { AccessConfig } from '../../src/config.js'
import { REISSUE_ANSWERS } from '../support/answers.js'
import { buttonsOf } from '../support/blocks.js'
import { eventually } from '../support/eventually.js'
import { startTestBot, type TestBot } from '../support/test-bot.js'

const NOW = '2026-11-26T10:00:00+09:00'

describe('who may use the bot', () => {
  let bot: TestBot
  afterEach(async () => {
    await bot.stop()
  })

  async function start(access: AccessConfig = { admins: [] }) {
    bot = await startTestBot({ now: NOW, access })
  }

  it.each([
    ['restricted (multi-channel guest)', { is_restricted: true }],
    ['ultra-restricted (single-channel guest)', { is_ultra_restricted: true }],
  ])('refuses a %s user, opening nothing', async (_kind, flags) => {
    await start()
    bot.slack.on('users.info', () => ({ body: { ok: true, user: { id: 'U0GUEST', ...flags } } }))

    const res = await bot.command('/direct-debit', '', { userId: 'U0GUEST' })

    expect(JSON.stringify(res.json())).toContain('ゲストアカウント')
    await new Promise((r) => setTimeout(r, 50))
    expect(bot.slack.callsTo('views.open')).toEqual([])
  })

  it('refuses a request from another workspace', async () => {
    await start()

    const res = await bot.command('/direct-debit', '', { teamId: 'T0ELSEWHERE' })

    expect(JSON.stringify(res.json())).toContain('別のワークスペース')
    expect(bot.slack.callsTo('views.open')).toEqual([])
  })

  it('lets only listed users in when ALLOWED_USER_IDS is set, and admins always', async () => {
    await start({ users: ['U0ALICE'], admins: ['U0ADMIN'] })

    const mallory = await bot.command('/billing', 'help', { userId: 'U0MALLORY' })
    const alice = await bot.command('/billing', 'help', { userId: 'U0ALICE' })
    const admin = await bot.command('/billing', 'help', { userId: 'U0ADMIN' })

    expect(JSON.stringify(mallory.json())).toContain('権限がありません')
    expect(JSON.stringify(alice.json())).toContain('請求サポートでできること')
    expect(JSON.stringify(admin.json())).toContain('請求サポートでできること')
  })

  it('lets members of ALLOWED_USERGROUP_ID in', async () => {
    await start({ usergroup: 'S0BILLING', admins: [] })
    bot.slack.on('usergroups.users.list', () => ({ body: { ok: true, users: ['U0BOB'] } }))

    const bob = await bot.command('/billing', 'help', { userId: 'U0BOB' })
    const carol = await bot.command('/billing', 'help', { userId: 'U0CAROL' })

    expect(JSON.stringify(bob.json())).toContain('請求サポートでできること')
    expect(JSON.stringify(carol.json())).toContain('権限がありません')
  })

  it('answers only in ALLOWED_CHANNEL_IDS, and in DMs with the bot', async () => {
    await start({ channels: ['C0BILLING'], admins: [] })

    const elsewhere = await bot.command('/billing', 'help', { channelId: 'C0RANDOM' })
    const dm = await bot.command('/billing', 'help', { channelId: 'D0ALICE' })
    const allowed = await bot.command('/billing', 'help', { channelId: 'C0BILLING' })

    expect(JSON.stringify(elsewhere.json())).toContain('このチャンネルでは')
    expect(JSON.stringify(dm.json())).toContain('請求サポートでできること')
    expect(JSON.stringify(allowed.json())).toContain('請求サポートでできること')
  })

  it('answers a refused modal submission by replacing the modal, storing nothing', async () => {
    await start({ users: ['U0ALICE'], admins: [] })
    await bot.command('/invoice-reissue', '', { userId: 'U0ALICE' })

    const res = await bot.submitOpened(REISSUE_ANSWERS, { userId: 'U0MALLORY' })

    expect(res.body).toMatchObject({ response_action: 'update', view: { title: { text: '利用できません' } } })
    expect(await bot.store.tickets.all()).toEqual([])
  })

  it("refuses a change to someone else's ticket, but lets an admin make it", async () => {
    await start({ admins: ['U0ADMIN'] })
    await bot.submitModal('/invoice-reissue', '', REISSUE_ANSWERS, { userId: 'U0ALICE' })
    const post = await bot.slack.waitFor('chat.postMessage')
    await eventually(async () =>
      expect((await bot.store.tickets.listByRequester('U0ALICE'))[0]?.message).toBeDefined(),
    )
    const sent = buttonsOf(post).find((b) => b.action_id === 'ticket_progress')
    if (!sent) throw new Error('no button')

    await bot.click(sent, { userId: 'U0MALLORY' })
    const refusal = await bot.slack.waitFor('response_url')
    expect(String(refusal.args.text)).toContain('依頼した本人か管理者だけ')
    expect((await bot.store.tickets.listByRequester('U0ALICE'))[0]?.status).toBe('rendered')

    await bot.click(sent, { userId: 'U0ADMIN' })
    await eventually(async () =>
      expect((await bot.store.tickets.listByRequester('U0ALICE'))[0]?.status).toBe('sent'),
    )
  })

  it("lets an admin cancel someone else's reminder", async () => {
    await start({ admins: ['U0ADMIN'] })
    await bot.command('/billing', 'calendar subscribe invoice', { userId: 'U0ALICE' })
    const [reminder] = await bot.store.reminders.ofOwner('U0ALICE')
    if (!reminder) throw new Error('no reminder')

    await bot.click({ action_id: 'reminder_cancel', value: reminder.id }, { userId: 'U0ADMIN' })

    await eventually(async () =>
      expect((await bot.store.reminders.get(reminder.id))?.state).toBe('cancelled'),
    )
  })
})

describe('user text in messages', () => {
  let bot: TestBot
  afterEach(async () => {
    await bot.stop()
  })

  it('keeps mentions and template syntax in user text literal', async () => {
    bot = await startTestBot({ now: NOW })

    await bot.submitModal('/invoice-reissue', '', {
      ...REISSUE_ANSWERS,
      address: '<!channel> {{ 7 * 7 }} <@U0BOSS> *bold*',
    })

    const post = await bot.slack.waitFor('chat.postMessage')
    const rich = (
      post.args.blocks as Array<{
        type: string
        elements?: Array<{ elements: Array<{ type: string; text: string }> }>
      }>
    ).find((b) => b.type === 'rich_text')
    const element = rich?.elements?.[0]?.elements[0]
    expect(element?.type).toBe('text')
    expect(element?.text).toContain('登録している請求書送付先: <!channel> {{ 7 * 7 }} <@U0BOSS> *bold*')
    const mrkdwn = JSON.stringify(
      (post.args.blocks as Array<{ type: string }>).filter((b) => b.type !== 'rich_text'),
    )
    expect(mrkdwn).not.toContain('<!channel>')
    expect(mrkdwn).not.toContain('49')
  })

  it('shows formatting marks in user text as typed (look-alikes) and stores no control or bidi characters', async () => {
    bot = await startTestBot({ now: NOW })
    const list = await bot.command('/billing', 'operators')
    const add = (
      list.json() as { blocks: Array<{ elements?: Array<{ action_id: string; value: string }> }> }
    ).blocks
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'operator_add')
    if (!add) throw new Error('no add button')
    await bot.click(add)
    await bot.submitOpened({
      operator_id: 'OP1111111111',
      name: '*本番* _検証_ `x`\u202E<!here>',
      coverage: 'jp',
      account_type: 'corporate',
      payment_method: 'invoice',
    })

    expect((await bot.store.operators.get('OP1111111111'))?.name).toBe('*本番* _検証_ `x`<!here>')
    const shown = JSON.stringify((await bot.command('/billing', 'operators')).json())
    expect(shown).toContain('＊本番＊ ＿検証＿ ｀x｀&lt;!here&gt;')
  })
})

describe('when the access check itself cannot run', () => {
  it('refuses when a configured user group cannot be read', async () => {
    const bot = await startTestBot({ now: NOW, access: { usergroup: 'S0BILLING', admins: [] } })
    bot.slack.on('usergroups.users.list', () => ({ body: { ok: false, error: 'missing_scope' } }))

    const res = await bot.command('/direct-debit', '', { userId: 'U0NEW' })

    expect(JSON.stringify(res.json())).toContain('利用者の確認ができませんでした')
    expect(bot.slack.callsTo('views.open')).toEqual([])
    await bot.stop()
  })

  it('lets the request on when Slack cannot say whether the user is a guest, and asks again next time', async () => {
    const bot = await startTestBot({ now: NOW })
    bot.slack.on('users.info', () => ({ status: 404, body: { ok: false, error: 'unknown_method' } }))

    await bot.command('/direct-debit', '', { userId: 'U0NEW' })
    await bot.command('/direct-debit', '', { userId: 'U0NEW' })

    await eventually(() => expect(bot.slack.callsTo('views.open')).toHaveLength(2))
    expect(bot.slack.callsTo('users.info')).toHaveLength(2)
    await bot.stop()
  })
})
