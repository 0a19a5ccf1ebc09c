import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buttonNamed, buttonsOf, visibleText } from '../support/blocks.js'
import { eventually } from '../support/eventually.js'
import type { SlackCall } from '../support/fake-slack.js'
import { startTestBot, type TestBot } from '../support/test-bot.js'

const NOW = '2026-11-26T10:00:00+09:00'

describe('/account-deletion through the real Bolt app', () => {
  let bot: TestBot
  beforeEach(async () => {
    bot = await startTestBot({ now: NOW })
  })
  afterEach(async () => {
    await bot.stop()
  })

  async function postChecklist(cancelDate = '2027-04-15'): Promise<{ post: SlackCall; id: string }> {
    await bot.submitModal('/account-deletion', 'OP0123456789', {
      operator_id: 'OP0123456789',
      cancel_date: cancelDate,
    })
    const post = await bot.slack.waitFor('chat.postMessage')
    const id = buttonsOf(post)[0]?.value.split(':')[0] ?? ''
    await eventually(async () => expect((await bot.store.checklists.get(id))?.message).toBeDefined())
    return { post, id }
  }

  const stepButton = (call: SlackCall, key: string) => buttonNamed(call, 'checklist_toggle', `step_${key}`)

  it('opens the modal with operator_id and cancel_date', async () => {
    await bot.command('/account-deletion')

    const view = (await bot.slack.waitFor('views.open')).args.view as {
      blocks: Array<{ block_id?: string; element?: { type: string } }>
    }
    expect(view.blocks.find((b) => b.block_id === 'cancel_date')?.element?.type).toBe('datepicker')
    expect(view.blocks.map((b) => b.block_id)).toContain('operator_id')
  })

  it('posts the steps in order with the warnings and the final invoice dates from the cancellation day', async () => {
    const { post } = await postChecklist('2027-04-15')

    const text = visibleText(post)
    const order = [
      '*1. すべての SIM を解約する',
      '*2. SIM 以外のサービス',
      '*3. すべての支払いを完了する',
      '*4. アカウントを削除する',
    ]
    const positions = order.map((title) => text.indexOf(title))
    expect(positions.every((p) => p >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    expect(text).toContain('請求書発行: 2027年5月11日(火) ごろ')
    expect(text).toContain('支払期限: 2027年5月31日(月)')
    expect(text).toContain('再度登録することはできません')
    expect(text).toContain('準備完了 (ready)')
    expect(text).toContain('二度と復活できません')
  })

  it('stores a tick with who and when, and updates the message', async () => {
    const { post, id } = await postChecklist()

    await bot.click(stepButton(post, 'sims_cancelled'), { userId: 'U0ALICE' })

    const update = await bot.slack.waitFor('chat.update')
    expect(update.args.ts).toBe((await bot.store.checklists.get(id))?.message?.ts)
    expect(visibleText(update)).toContain('<@U0ALICE> が 2026年11月26日(木) 10:00 に完了')
    expect((await bot.store.checklists.get(id))?.items[0]).toEqual({
      key: 'sims_cancelled',
      ticked: { by: 'U0ALICE', at: '2026-11-26T01:00:00.000Z' },
    })
  })

  it('refuses the delete step before the others, telling only the clicker', async () => {
    const { post, id } = await postChecklist()

    await bot.click(stepButton(post, 'account_deleted'))

    const reply = await bot.slack.waitFor('response_url')
    expect(reply.args).toMatchObject({ response_type: 'ephemeral', replace_original: false })
    expect(String(reply.args.text)).toContain('ほかの項目がすべて完了してから')
    expect((await bot.store.checklists.get(id))?.items[3]?.ticked).toBeUndefined()
    expect(bot.slack.callsTo('chat.update')).toEqual([])
  })

  it('accepts the delete step after the others and then freezes the checklist', async () => {
    const { post, id } = await postChecklist()
    for (const key of ['sims_cancelled', 'services_cancelled', 'payments_complete', 'account_deleted']) {
      await bot.click(stepButton(post, key))
    }

    await eventually(() => expect(bot.slack.callsTo('chat.update')).toHaveLength(4))
    const last = bot.slack.callsTo('chat.update')[3]
    if (!last) throw new Error('no update')
    expect(visibleText(last)).toContain('すべて完了しました')
    expect(buttonsOf(last)).toEqual([])
    expect((await bot.store.checklists.get(id))?.history.map((h) => h.key)).toEqual([
      'sims_cancelled',
      'services_cancelled',
      'payments_complete',
      'account_deleted',
    ])
  })

  it.each([
    ['operator_id', { operator_id: 'ＯＰ１２３' }, 'OP に続く数字 10 桁'],
    ['cancel_date', { cancel_date: undefined }, '解約予定日'],
    ['cancel_date', { cancel_date: '2029-01-01' }, 'までの日付'],
  ])('answers a bad %s inline and posts nothing', async (blockId, change, expected) => {
    const res = await bot.submitModal('/account-deletion', '', {
      operator_id: 'OP0123456789',
      cancel_date: '2027-04-15',
      ...change,
    })

    const body = res.body as { errors: Record<string, string> }
    expect(Object.keys(body.errors)).toEqual([blockId])
    expect(body.errors[blockId]).toContain(expected)
    expect(bot.slack.callsTo('chat.postMessage')).toEqual([])
  })

  it('asks how the account pays: a card payer is told there is no invoice and gets no invoice reminders (issue 24; §4.1.1, §6.4)', async () => {
    await bot.submitModal('/account-deletion', 'OP0123456789', {
      operator_id: 'OP0123456789',
      cancel_date: '2027-04-15',
      payment_method: 'card',
    })

    const post = await bot.slack.waitFor('chat.postMessage')
    const text = visibleText(post)
    expect(text).toContain('クレジットカード払いには請求書が発行されません')
    expect(text).not.toContain('請求書発行:')
    expect(text).not.toContain('支払期限:')
    await eventually(async () => expect((await bot.store.checklists.all())[0]?.message).toBeDefined())
    expect(await bot.store.reminders.active()).toEqual([])
  })

  it('plans the final invoice\u2019s reminders for an invoice payer, and ends with §6.4\u2019s caution and its link', async () => {
    await bot.submitModal('/account-deletion', 'OP0123456789', {
      operator_id: 'OP0123456789',
      cancel_date: '2027-04-15',
      payment_method: 'invoice',
    })

    const post = await bot.slack.waitFor('chat.postMessage')
    expect(visibleText(post)).toContain('ご利用状況をもう一度確認してください')
    expect(visibleText(post)).toContain('https://soracom.zendesk.com/hc/ja/articles/217917958')
    await eventually(async () =>
      expect((await bot.store.reminders.active()).map((r) => r.kind).sort()).toEqual([
        'deletion_invoice_issued',
        'deletion_payment_due',
      ]),
    )
  })

  it('names the accepted cancellation days in Japanese dates, not ISO ones (domain.md)', async () => {
    const res = await bot.submitModal('/account-deletion', 'OP0123456789', {
      operator_id: 'OP0123456789',
      cancel_date: '2029-01-01',
    })

    const body = res.body as { errors: Record<string, string> }
    expect(body.errors.cancel_date).toContain('2014年11月1日')
    expect(body.errors.cancel_date).not.toMatch(/\d{4}-\d{2}-\d{2}/)
  })
})
