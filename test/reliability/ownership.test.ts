import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buttonNamed, buttonsOf } from '../support/blocks.js'
import { eventually } from '../support/eventually.js'
import { startTestBot, type TestBot } from '../support/test-bot.js'

/** Nobody acts for someone else: Mallory may not change what Alice created; an admin may. */
describe('owner-or-admin on checklists, calendar subscriptions and registered operators', () => {
  let bot: TestBot
  beforeEach(async () => {
    bot = await startTestBot({ access: { admins: ['U0ADMIN'] } })
  })
  afterEach(async () => {
    await bot.stop()
  })

  async function alicesChecklist() {
    await bot.submitModal('/account-deletion', 'OP0123456789', {
      operator_id: 'OP0123456789',
      cancel_date: '2027-04-15',
    })
    const post = await bot.slack.waitFor('chat.postMessage')
    const id = buttonsOf(post)[0]?.value.split(':')[0] ?? ''
    await eventually(async () => expect((await bot.store.checklists.get(id))?.message).toBeDefined())
    return { post, id }
  }

  it("refuses another member's tick on Alice's checklist, saying why and changing nothing", async () => {
    const { post, id } = await alicesChecklist()
    // The final invoice's two reminders follow the post: wait for them before counting.
    await eventually(async () => expect(await bot.store.reminders.active()).toHaveLength(2))
    const reminders = (await bot.store.reminders.active()).length

    await bot.click(buttonNamed(post, 'checklist_toggle', 'step_payments_complete'), { userId: 'U0MALLORY' })

    const reply = await bot.slack.waitFor('response_url')
    expect(String(reply.args.text)).toContain('作成した本人か管理者だけ')
    expect((await bot.store.checklists.get(id))?.items.every((i) => !i.ticked)).toBe(true)
    expect(await bot.store.reminders.active()).toHaveLength(reminders)
    expect(bot.slack.callsTo('chat.update')).toEqual([])
  })

  it("lets an admin tick a step of Alice's checklist", async () => {
    const { post, id } = await alicesChecklist()

    await bot.click(buttonNamed(post, 'checklist_toggle', 'step_sims_cancelled'), { userId: 'U0ADMIN' })

    await eventually(async () =>
      expect((await bot.store.checklists.get(id))?.items[0]?.ticked?.by).toBe('U0ADMIN'),
    )
  })

  it("refuses another member's unsubscribe of Alice's billing calendar, withdrawing nothing", async () => {
    await bot.command('/billing', 'calendar subscribe invoice')
    await eventually(async () => expect((await bot.store.reminders.active()).length).toBeGreaterThan(0))
    const before = (await bot.store.reminders.active()).length

    await bot.command('/billing', 'calendar unsubscribe', { userId: 'U0MALLORY' })

    const reply = await bot.slack.waitFor('response_url')
    expect(String(reply.args.text)).toContain('購読した本人か管理者だけ')
    expect(await bot.store.subscriptions.activeIn('C0BILLING')).toBeDefined()
    expect(await bot.store.reminders.active()).toHaveLength(before)
    expect(bot.slack.callsTo('chat.deleteScheduledMessage')).toEqual([])
  })

  it('refuses to overwrite an operator another member registered, inline on operator_id', async () => {
    const register = async (userId: string, name: string) => {
      const list = await bot.command('/billing', 'operators', { userId })
      const add = (
        list.json() as { blocks: Array<{ elements?: Array<{ action_id: string; value: string }> }> }
      ).blocks
        .flatMap((b) => b.elements ?? [])
        .find((e) => e.action_id === 'operator_add')
      if (!add) throw new Error('no add button')
      const opened = bot.slack.callsTo('views.open').length
      await bot.click(add, { userId })
      return bot.submitOpened(
        {
          operator_id: 'OP1111111111',
          name,
          coverage: 'jp',
          account_type: 'corporate',
          payment_method: 'invoice',
        },
        { count: opened + 1, userId },
      )
    }
    await register('U0ALICE', '本番')

    const res = await register('U0MALLORY', '乗っ取り')

    expect(res.body).toMatchObject({ response_action: 'errors' })
    expect(JSON.stringify(res.body)).toContain('登録した本人か管理者だけ')
    expect((await bot.store.operators.get('OP1111111111'))?.name).toBe('本番')
  })
})
