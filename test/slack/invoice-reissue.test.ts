import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buttonsOf, preformattedText, visibleText } from '../support/blocks.js'
import { eventually } from '../support/eventually.js'
import { startTestBot, type TestBot } from '../support/test-bot.js'

/** The bot's clock: Thursday 26 November 2026, 10:00 JST. October's invoice was issued on 6 November. */
const NOW = '2026-11-26T10:00:00+09:00'

const LATE = {
  operator_id: 'OP0123456789',
  coverage: 'jp',
  usage_month: '2026-10',
  payment_method: 'invoice',
  delivery: 'email',
  address: 'billing@example.co.jp',
  amount_zero: 'no',
  checks: ['mail_searched', 'spam_checked'],
  destination: 'soracom',
}

describe('/invoice-reissue through the real Bolt app', () => {
  let bot: TestBot
  beforeEach(async () => {
    bot = await startTestBot({ now: NOW })
  })
  afterEach(async () => {
    await bot.stop()
  })

  it('opens the modal with every contract block_id, last month pre-filled', async () => {
    await bot.command('/invoice-reissue', 'OP0123456789')

    const view = (await bot.slack.waitFor('views.open')).args.view as {
      blocks: Array<{ block_id?: string; element?: { initial_value?: string } }>
    }
    const ids = view.blocks.map((b) => b.block_id)
    for (const id of [
      'operator_id',
      'coverage',
      'usage_month',
      'payment_method',
      'delivery',
      'amount_zero',
      'checks',
      'destination',
    ]) {
      expect(ids).toContain(id)
    }
    expect(view.blocks.find((b) => b.block_id === 'usage_month')?.element?.initial_value).toBe('2026-10')
  })

  it('makes a SORACOM ticket for a late invoice, with the NP subject and the checks still undone', async () => {
    await bot.submitModal('/invoice-reissue', '', LATE)

    const post = await bot.slack.waitFor('chat.postMessage')
    const ticket = preformattedText(post)
    expect(ticket).toMatch(/^件名: 請求書再発行のお願い/)
    expect(ticket).toContain('オペレーター ID: OP0123456789')
    expect(ticket).toContain('対象の利用月: 2026年10月（締日：2026年10月31日）')
    expect(ticket).toContain('請求書の送付方法: Eメール')
    expect(ticket).toContain('登録している請求書送付先: billing@example.co.jp')
    expect(ticket).toContain('迷惑メールフォルダに振り分けられていないか確認した')
    const text = visibleText(post)
    expect(text).toContain(
      '【NP 掛け払い】請求書送付のご案内(株式会社ソラコム ご利用分 締日：2026年10月31日)',
    )
    expect(text).toContain('登録している請求書送付先が正しいか確認する')
    expect(await bot.store.tickets.listByRequester('U0ALICE')).toMatchObject([
      { kind: 'invoice_reissue', destination: 'soracom', status: 'rendered', operatorId: 'OP0123456789' },
    ])
  })

  it('addresses the NP desk with its phone, mail and hours, and the company name, when the user picks NP', async () => {
    await bot.submitModal('/invoice-reissue', '', {
      ...LATE,
      destination: 'np',
      company_name: '株式会社サンプル',
    })

    const post = await bot.slack.waitFor('chat.postMessage')
    expect(preformattedText(post)).toContain('NP 掛け払いサポートデスク 御中')
    expect(preformattedText(post)).toContain('会社名: 株式会社サンプル')
    expect(preformattedText(post)).not.toContain('コンソール')
    const text = visibleText(post)
    expect(text).toContain('03-4577-9631')
    expect(text).toContain('btob-support@netprotections.co.jp')
    expect(text).toContain('10:00-17:00、土日祝日を除く')
  })

  it('asks inline for the company name when the request goes to NP without one (domain.md, decided 2026-11)', async () => {
    const res = await bot.submitModal('/invoice-reissue', '', { ...LATE, destination: 'np' })

    expect(res.body).toMatchObject({
      response_action: 'errors',
      errors: { company_name: expect.stringContaining('会社名') },
    })
    expect(await bot.store.tickets.all()).toEqual([])
  })

  it('ends without a ticket for a 0-yen month', async () => {
    await bot.submitModal('/invoice-reissue', '', { ...LATE, amount_zero: 'yes' })

    const post = await bot.slack.waitFor('chat.postMessage')
    expect(visibleText(post)).toContain('0 円の月は請求書が発行されません')
    // No invoice exists for the month, so nothing to search the mailbox for (as for card payers).
    expect(visibleText(post)).not.toContain('【NP 掛け払い】')
    expect(visibleText(post)).not.toContain('迷惑メール')
    expect(preformattedText(post)).toBe('')
    expect(await bot.store.tickets.listByRequester('U0ALICE')).toEqual([])
  })

  it('points a card payer to the 請求明細書 PDF instead', async () => {
    await bot.submitModal('/invoice-reissue', '', { ...LATE, payment_method: 'card' })

    const post = await bot.slack.waitFor('chat.postMessage')
    expect(visibleText(post)).toContain('請求明細書 (PDF)')
    // No invoice exists: no NP mail subject, no spam or address checks (domain.md, decided 2026-11).
    expect(visibleText(post)).not.toContain('【NP 掛け払い】')
    expect(visibleText(post)).not.toContain('迷惑メール')
    expect(await bot.store.tickets.listByRequester('U0ALICE')).toEqual([])
  })

  it('says when the invoice is due if asked too early, and offers a reminder at 9:00 JST on the first day a request is accepted', async () => {
    await bot.submitModal('/invoice-reissue', '', { ...LATE, usage_month: '2026-11' })

    const post = await bot.slack.waitFor('chat.postMessage')
    expect(visibleText(post)).toContain('2026年12月4日(金) ごろ')
    expect(await bot.store.tickets.listByRequester('U0ALICE')).toEqual([])
    const [remind] = buttonsOf(post).filter((b) => b.action_id === 'reissue_remind')
    if (!remind) throw new Error('no reminder button')

    const res = await bot.click(remind)

    expect(res.status).toBe(200)
    const scheduled = await bot.slack.waitFor('chat.scheduleMessage')
    expect(scheduled.args.channel).toBe('C0BILLING')
    // Not the issue day (a request then is still "too early"): the first day one is accepted —
    // e-mail, 2 business days after 4 Dec, then the next business day (§3.4.1, domain.md).
    expect(Number(scheduled.args.post_at)).toBe(Date.parse('2026-12-09T09:00:00+09:00') / 1000)
    const ack = await bot.slack.waitFor('response_url')
    expect(String(ack.args.text)).toContain('2026年12月9日(水) 9:00')
    await eventually(async () =>
      expect(await bot.store.reminders.ofOwner('U0ALICE')).toMatchObject([
        { kind: 'invoice_expected', state: 'scheduled' },
      ]),
    )
  })

  it('does not schedule the same reminder twice when the button is clicked again', async () => {
    await bot.submitModal('/invoice-reissue', '', { ...LATE, usage_month: '2026-11' })
    const post = await bot.slack.waitFor('chat.postMessage')
    const remind = buttonsOf(post).find((b) => b.action_id === 'reissue_remind')
    if (!remind) throw new Error('no reminder button')

    await bot.click(remind)
    await bot.slack.waitFor('response_url')
    await bot.click(remind)
    await bot.slack.waitFor('response_url', () => true, { count: 2 })

    expect(bot.slack.callsTo('chat.scheduleMessage')).toHaveLength(1)
    expect(await bot.store.reminders.ofOwner('U0ALICE')).toHaveLength(1)
  })

  it.each([
    ['operator_id', { operator_id: 'OP12' }, 'OP に続く数字 10 桁'],
    ['usage_month', { usage_month: 'October' }, 'YYYY-MM'],
    ['usage_month', { usage_month: '2027-01' }, '未来の月'],
    ['coverage', { coverage: undefined }, 'カバレッジ'],
    ['payment_method', { payment_method: undefined }, 'お支払い方法'],
    ['delivery', { delivery: undefined }, '送付方法'],
    ['amount_zero', { amount_zero: undefined }, '0 円'],
    ['destination', { destination: undefined }, '依頼先'],
  ])('answers a bad %s inline and stores nothing', async (blockId, change, expected) => {
    const res = await bot.submitModal('/invoice-reissue', '', { ...LATE, ...change })

    const body = res.body as { response_action: string; errors: Record<string, string> }
    expect(body.response_action).toBe('errors')
    expect(Object.keys(body.errors)).toEqual([blockId])
    expect(body.errors[blockId]).toContain(expected)
    expect(bot.slack.callsTo('chat.postMessage')).toEqual([])
    expect(await bot.store.tickets.listByRequester('U0ALICE')).toEqual([])
  })
})
