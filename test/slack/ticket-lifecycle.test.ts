import { rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { REISSUE_ANSWERS } from '../support/answers.js'
import { buttonNamed, buttonsOf, visibleText } from '../support/blocks.js'
import { eventually } from '../support/eventually.js'
import { FakeSlack, type SlackCall } from '../support/fake-slack.js'
import { startTestBot, type TestBot } from '../support/test-bot.js'

const NOW = '2026-11-26T10:00:00+09:00'

async function reissueTicket(bot: TestBot, userId = 'U0ALICE', channelId = 'C0BILLING'): Promise<SlackCall> {
  const before = bot.slack.callsTo('chat.postMessage').length
  await bot.submitModal('/invoice-reissue', '', REISSUE_ANSWERS, { userId, channelId })
  const post = await bot.slack.waitFor('chat.postMessage', () => true, { count: before + 1 })
  await eventually(async () =>
    expect((await bot.store.tickets.listByRequester(userId))[0]?.message).toBeDefined(),
  )
  return post
}

describe('ticket lifecycle through Slack', () => {
  let bot: TestBot
  beforeEach(async () => {
    bot = await startTestBot({ now: NOW })
  })
  afterEach(async () => {
    await bot.stop()
  })

  it('moves a ticket to sent and then resolved from its buttons, keeping the message current', async () => {
    const post = await reissueTicket(bot)
    const id = (await bot.store.tickets.listByRequester('U0ALICE'))[0]?.id ?? ''

    await bot.click(buttonNamed(post, 'ticket_progress'), { userId: 'U0ALICE' })
    const afterSent = await bot.slack.waitFor('chat.update')
    expect(visibleText(afterSent)).toContain('送信済み')
    expect(afterSent.args.ts).toBe((await bot.store.tickets.get(id))?.message?.ts)

    await bot.click(buttonNamed(afterSent, 'ticket_status_resolved'), { userId: 'U0ALICE' })
    const afterResolved = await bot.slack.waitFor('chat.update', () => true, { count: 2 })

    expect(visibleText(afterResolved)).toContain('*解決*')
    expect(buttonsOf(afterResolved)).toEqual([])
    expect((await bot.store.tickets.get(id))?.history.map((h) => [h.what, h.from, h.to, h.by])).toEqual([
      ['milestone:sent', 'rendered', 'sent', 'U0ALICE'],
      ['resolved', 'sent', 'resolved', 'U0ALICE'],
    ])
  })

  it('withdraws a ticket with 取り下げる, which asks for confirmation', async () => {
    const post = await reissueTicket(bot)
    const cancel = buttonsOf(post).find((b) => b.action_id === 'ticket_status_cancelled')
    expect(JSON.stringify(post.args.blocks)).toContain('"confirm"')
    if (!cancel) throw new Error('no cancel button')

    await bot.click(cancel)

    await eventually(async () =>
      expect((await bot.store.tickets.listByRequester('U0ALICE'))[0]?.status).toBe('cancelled'),
    )
  })

  it("does not open the reference modal on someone else's ticket, and says why", async () => {
    const post = await reissueTicket(bot)
    await bot.click(buttonNamed(post, 'ticket_progress'))
    const afterSent = await bot.slack.waitFor('chat.update')
    const opened = bot.slack.callsTo('views.open').length

    await bot.click(buttonNamed(afterSent, 'ticket_reference'), { userId: 'U0MALLORY' })

    const reply = await bot.slack.waitFor('response_url')
    expect(String(reply.args.text)).toContain('依頼した本人か管理者だけ')
    expect(bot.slack.callsTo('views.open')).toHaveLength(opened)
  })

  it("records SORACOM's reference number from a small modal", async () => {
    const post = await reissueTicket(bot)
    await bot.click(buttonNamed(post, 'ticket_progress'))
    const afterSent = await bot.slack.waitFor('chat.update')

    await bot.click(buttonNamed(afterSent, 'ticket_reference'))
    const res = await bot.submitOpened({ reference: ' #12345 ' }, { count: 2 })

    expect(res.status).toBe(200)
    await eventually(async () =>
      expect((await bot.store.tickets.listByRequester('U0ALICE'))[0]?.reference).toBe('#12345'),
    )
    const update = await bot.slack.waitFor('chat.update', () => true, { count: 2 })
    expect(visibleText(update)).toContain('受付番号: #12345')
  })

  it('gives unique action_ids within each actions block, as Slack requires', async () => {
    const post = await reissueTicket(bot)
    await bot.click(buttonNamed(post, 'ticket_progress'))
    const update = await bot.slack.waitFor('chat.update')

    for (const call of [post, update]) {
      const blocks = call.args.blocks as Array<{ type: string; elements?: Array<{ action_id?: string }> }>
      for (const block of blocks.filter((b) => b.type === 'actions')) {
        const ids = (block.elements ?? []).map((e) => e.action_id)
        expect(new Set(ids).size).toBe(ids.length)
      }
    }
  })
})

describe('App Home', () => {
  let bot: TestBot
  beforeEach(async () => {
    bot = await startTestBot({ now: NOW })
  })
  afterEach(async () => {
    await bot.stop()
  })

  it("publishes my tickets and reminders on app_home_opened, and never another user's", async () => {
    await reissueTicket(bot, 'U0ALICE')
    await reissueTicket(bot, 'U0BOB', 'C0OTHER')
    const bobsTicket = (await bot.store.tickets.listByRequester('U0BOB'))[0]?.id ?? ''
    const before = bot.slack.callsTo('views.publish').length

    const res = await bot.event({ type: 'app_home_opened', user: 'U0ALICE', channel: 'D0ALICE', tab: 'home' })

    expect(res.status).toBe(200)
    const publish = await bot.slack.waitFor('views.publish', (c) => c.args.user_id === 'U0ALICE', {
      count: 2,
    })
    expect(bot.slack.callsTo('views.publish').length).toBeGreaterThan(before)
    const home = JSON.stringify(publish.args.view)
    expect(home).toContain((await bot.store.tickets.listByRequester('U0ALICE'))[0]?.id ?? 'missing')
    expect(home).not.toContain(bobsTicket)
    expect(home).toContain('未送信')
  })

  it('refreshes my Home after a change to my ticket', async () => {
    const post = await reissueTicket(bot)

    await bot.click(buttonNamed(post, 'ticket_progress'))

    // Waited for by what it shows, not by count: the ticket's own posting also publishes the Home,
    // and that publish may land after the click.
    const publish = await bot.slack.waitFor('views.publish', (c) =>
      JSON.stringify(c.args.view).includes('送信済み'),
    )
    expect(publish.args.user_id).toBe('U0ALICE')
  })

  it('starts a flow from a Home button; the result goes to my DM', async () => {
    await bot.event({ type: 'app_home_opened', user: 'U0ALICE', channel: 'D0ALICE', tab: 'home' })
    const home = await bot.slack.waitFor('views.publish')
    const start = (
      home.args.view as { blocks: Array<{ elements?: Array<{ action_id: string; value: string }> }> }
    ).blocks
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'home_start_direct_debit')
    if (!start) throw new Error('no start button')

    await bot.click(start)
    await bot.submitOpened({
      operator_id: 'OP0123456789',
      coverage: 'jp',
      account_type: 'corporate',
      invoice_payment: 'active',
      consent: ['agree'],
    })

    const post = await bot.slack.waitFor('chat.postMessage')
    expect(post.args.channel).toBe('U0ALICE')
  })

  it('shows the same state after a restart', async () => {
    const slack = await new FakeSlack().start()
    const first = await startTestBot({ now: NOW, slack })
    const post = await reissueTicket(first)
    await first.click(buttonNamed(post, 'ticket_progress'))
    await eventually(async () =>
      expect((await first.store.tickets.listByRequester('U0ALICE'))[0]?.status).toBe('sent'),
    )
    await first.stopKeepingData()

    const second = await startTestBot({ now: NOW, slack, dataFile: first.dataFile, idStart: 100 })
    const before = slack.callsTo('views.publish').length
    await second.event({ type: 'app_home_opened', user: 'U0ALICE', channel: 'D0ALICE', tab: 'home' })
    const publish = await slack.waitFor('views.publish', () => true, { count: before + 1 })

    // The first bot stopped after draining: this publish is the second bot's, from the stored state.
    expect(JSON.stringify(publish.args.view)).toContain('送信済み')
    await second.stop()
    await rm(dirname(first.dataFile), { recursive: true, force: true })
    await slack.stop()
  })
})

describe('/billing tickets', () => {
  let bot: TestBot
  beforeEach(async () => {
    bot = await startTestBot({ now: NOW })
  })
  afterEach(async () => {
    await bot.stop()
  })

  it('pages my tickets ten at a time, newest first, with 次へ', async () => {
    for (let i = 0; i < 12; i++) {
      bot.setNow(new Date(Date.parse(NOW) + i * 60_000).toISOString())
      await reissueTicket(bot)
    }

    const res = await bot.command('/billing', 'tickets')
    const first = res.json() as {
      blocks: Array<{ text?: { text: string }; elements?: Array<{ action_id: string; value: string }> }>
    }
    const text = first.blocks[0]?.text?.text ?? ''
    expect(text).toContain('12 件中 1–10 件')
    const newest = (await bot.store.tickets.listByRequester('U0ALICE'))[0]?.id ?? ''
    expect(text.indexOf(newest)).toBeLessThan(
      text.indexOf((await bot.store.tickets.listByRequester('U0ALICE'))[9]?.id ?? ''),
    )
    const next = first.blocks
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'tickets_page_next')
    if (!next) throw new Error('no next button')

    await bot.click(next)

    const page2 = await bot.slack.waitFor('response_url')
    expect(page2.args.replace_original).toBe(true)
    expect(JSON.stringify(page2.args.blocks)).toContain('12 件中 11–12 件')
    expect(JSON.stringify(page2.args.blocks)).toContain('tickets_page_prev')
  })

  it("lists a channel's tickets with `tickets channel`, whoever asked for them", async () => {
    await reissueTicket(bot, 'U0ALICE', 'C0BILLING')
    await reissueTicket(bot, 'U0BOB', 'C0BILLING')
    await reissueTicket(bot, 'U0CAROL', 'C0OTHER')

    const res = await bot.command('/billing', 'tickets channel', { channelId: 'C0BILLING' })

    const text = JSON.stringify(res.json())
    expect(text).toContain('<@U0ALICE>')
    expect(text).toContain('<@U0BOB>')
    expect(text).not.toContain('<@U0CAROL>')
  })

  it("answers /billing help with the guide's most-asked answers", async () => {
    const res = await bot.command('/billing', 'help')

    const text = JSON.stringify(res.json())
    for (const section of ['§3.1', '§2.5', '§3.4.4', '§3.4.6', '§3.8.1', '§6.2', '§7.3'])
      expect(text).toContain(section)
    expect(text).toContain('03-4577-9631')
  })
})

describe('operator registry', () => {
  let bot: TestBot
  beforeEach(async () => {
    bot = await startTestBot({ now: NOW })
  })
  afterEach(async () => {
    await bot.stop()
  })

  async function register(answers: Record<string, string>) {
    const res = await bot.command('/billing', 'operators')
    const add = (
      res.json() as { blocks: Array<{ elements?: Array<{ action_id: string; value: string }> }> }
    ).blocks
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'operator_add')
    if (!add) throw new Error('no add button')
    const opened = bot.slack.callsTo('views.open').length
    await bot.click(add)
    return bot.submitOpened(answers, { count: opened + 1 })
  }

  it('registers an operator from a modal and lists it', async () => {
    const res = await register({
      operator_id: 'ｏｐ１１１１１１１１１１',
      name: '本番',
      coverage: 'jp',
      account_type: 'corporate',
      payment_method: 'invoice',
    })

    expect(res.body).toBeUndefined()
    const list = await bot.command('/billing', 'operators')
    expect(JSON.stringify(list.json())).toContain('OP1111111111')
    expect(JSON.stringify(list.json())).toContain('請求書払い')
  })

  it('refuses invoice payment for an individual account, inline', async () => {
    const res = await register({
      operator_id: 'OP1111111111',
      coverage: 'jp',
      account_type: 'individual',
      payment_method: 'invoice',
    })

    expect(res.body).toMatchObject({
      errors: { payment_method: expect.stringContaining('クレジットカードのみ') },
    })
    expect(await bot.store.operators.list()).toEqual([])
  })

  it('pre-fills the only registered operator into a flow', async () => {
    await register({
      operator_id: 'OP1111111111',
      coverage: 'jp',
      account_type: 'corporate',
      payment_method: 'invoice',
    })
    const opened = bot.slack.callsTo('views.open').length

    await bot.command('/direct-debit')

    const view = (await bot.slack.waitFor('views.open', () => true, { count: opened + 1 })).args.view as {
      blocks: Array<{
        block_id?: string
        element?: { initial_value?: string; initial_option?: { value: string } }
      }>
    }
    expect(view.blocks.find((b) => b.block_id === 'operator_id')?.element?.initial_value).toBe('OP1111111111')
    expect(view.blocks.find((b) => b.block_id === 'account_type')?.element?.initial_option?.value).toBe(
      'corporate',
    )
    expect(view.blocks.find((b) => b.block_id === 'invoice_payment')?.element?.initial_option?.value).toBe(
      'active',
    )
  })

  it('warns when a ticket names an operator that is not registered', async () => {
    await register({
      operator_id: 'OP1111111111',
      coverage: 'jp',
      account_type: 'corporate',
      payment_method: 'invoice',
    })

    const post = await reissueTicket(bot)

    expect(visibleText(post)).toContain('OP0123456789` は登録済みのオペレーターではありません')
  })
})
