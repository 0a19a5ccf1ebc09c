import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buttonsOf, preformattedText, visibleText } from '../support/blocks.js'
import { eventually } from '../support/eventually.js'
import { startTestBot, type TestBot } from '../support/test-bot.js'

describe('/invoice-merge through the real Bolt app', () => {
  let bot: TestBot
  beforeEach(async () => {
    bot = await startTestBot()
  })
  afterEach(async () => {
    await bot.stop()
  })

  it('opens the modal with the contract block_ids', async () => {
    await bot.command('/invoice-merge')

    const view = (await bot.slack.waitFor('views.open')).args.view as { blocks: Array<{ block_id?: string }> }
    const ids = view.blocks.map((b) => b.block_id)
    expect(ids).toEqual(expect.arrayContaining(['mode', 'source_operator_ids', 'target_operator_id']))
  })

  it('makes one 請求統合 ticket with normalised, de-duplicated sources and the target', async () => {
    await bot.submitModal('/invoice-merge', '', {
      mode: 'single_invoice',
      source_operator_ids: 'ｏｐ１１１１１１１１１１, OP2222222222\nOP1111111111',
      target_operator_id: 'op3333333333',
    })

    const post = await bot.slack.waitFor('chat.postMessage')
    expect(preformattedText(post)).toContain(
      '統合元のオペレーター ID : OP1111111111\n統合元のオペレーター ID : OP2222222222\n統合先のオペレーター ID : OP3333333333',
    )
    expect(visibleText(post)).toContain('§3.4.4')
    expect(await bot.store.tickets.listByRequester('U0ALICE')).toMatchObject([
      {
        kind: 'invoice_merge',
        operatorId: 'OP3333333333',
        request: { sources: ['OP1111111111', 'OP2222222222'] },
      },
    ])
  })

  it('refuses a target that is also a source, inline on target_operator_id', async () => {
    const res = await bot.submitModal('/invoice-merge', '', {
      mode: 'single_invoice',
      source_operator_ids: 'OP1111111111 OP2222222222',
      target_operator_id: 'OP2222222222',
    })

    expect(res.body).toMatchObject({
      response_action: 'errors',
      errors: { target_operator_id: expect.stringContaining('統合元') },
    })
    expect(await bot.store.tickets.listByRequester('U0ALICE')).toEqual([])
  })

  it.each([
    ['source_operator_ids', { source_operator_ids: 'OP1111111111, nope' }, '「NOPE」'],
    ['source_operator_ids', { source_operator_ids: ' ' }, '1 つ以上'],
    ['target_operator_id', { target_operator_id: 'OP1, OP2' }, 'OP に続く数字 10 桁'],
    ['mode', { mode: undefined }, '選んでください'],
  ])('answers a bad %s inline', async (blockId, change, expected) => {
    const res = await bot.submitModal('/invoice-merge', '', {
      mode: 'single_invoice',
      source_operator_ids: 'OP1111111111',
      target_operator_id: 'OP3333333333',
      ...change,
    })

    const body = res.body as { errors: Record<string, string> }
    expect(Object.keys(body.errors)).toEqual([blockId])
    expect(body.errors[blockId]).toContain(expected)
  })

  it('gives the NP MyPage steps as a checklist, without a ticket, for one bank account', async () => {
    await bot.submitModal('/invoice-merge', '', {
      mode: 'single_bank_account',
      source_operator_ids: 'OP1111111111\nOP2222222222',
      target_operator_id: '',
    })

    const post = await bot.slack.waitFor('chat.postMessage')
    const text = visibleText(post)
    expect(text).toContain('紐づけキー')
    expect(text).toContain('代表口座')
    expect(text).toContain('https://np-kakebarai.com/buy/')
    expect(text).toContain('メーリングリスト')
    expect(preformattedText(post)).toBe('')
    expect(await bot.store.tickets.listByRequester('U0ALICE')).toEqual([])
    expect(buttonsOf(post).filter((b) => b.action_id === 'checklist_toggle')).toHaveLength(4)
  })

  it('ticks a MyPage step and updates the message', async () => {
    await bot.submitModal('/invoice-merge', '', {
      mode: 'single_bank_account',
      source_operator_ids: 'OP1111111111',
    })
    const post = await bot.slack.waitFor('chat.postMessage')
    const [first] = buttonsOf(post).filter((b) => b.action_id === 'checklist_toggle')
    if (!first) throw new Error('no step buttons')
    const [checklistId] = first.value.split(':')
    await eventually(async () =>
      expect((await bot.store.checklists.get(checklistId ?? ''))?.message).toBeDefined(),
    )

    await bot.click(first, { userId: 'U0ALICE' })

    const update = await bot.slack.waitFor('chat.update')
    expect(visibleText(update)).toContain('<@U0ALICE> が')
    expect((await bot.store.checklists.get(checklistId ?? ''))?.items[0]?.ticked?.by).toBe('U0ALICE')
  })
})
