import { describe, expect, it } from 'vitest'
import { createReminder } from '../../src/domain/reminder.js'
import { NP_SUPPORT_DESK } from '../../src/render/contacts.js'
import { mrkdwnSections } from '../../src/render/messages.js'
import { reminderListMessage } from '../../src/render/reminder.js'

describe('mrkdwnSections', () => {
  it('keeps short text in one section', () => {
    expect(mrkdwnSections('a\n\nb')).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'a\n\nb' } }])
  })

  it('splits between paragraphs so no section passes Slack’s 3,000 characters', () => {
    const paragraph = 'あ'.repeat(1200)
    const sections = mrkdwnSections([paragraph, paragraph, paragraph].join('\n\n'))

    expect(sections).toHaveLength(2)
    for (const s of sections)
      expect((s as { text: { text: string } }).text.text.length).toBeLessThanOrEqual(3000)
  })

  it('cuts a single paragraph longer than the limit', () => {
    const sections = mrkdwnSections('x'.repeat(7000))
    expect(sections.map((s) => (s as { text: { text: string } }).text.text.length)).toEqual([
      3000, 3000, 1000,
    ])
  })
})

describe('reminderListMessage', () => {
  it('stays within Slack’s 50 blocks however many reminders there are', () => {
    const reminders = Array.from({ length: 120 }, (_, i) =>
      createReminder(
        {
          kind: 'calendar_due',
          key: `k${i}`,
          owner: 'U1',
          channel: 'C1',
          dueDate: '2027-01-29',
          dueAt: '2027-01-29T00:00:00.000Z',
          text: `reminder ${i}`,
        },
        { id: `R${i}`, now: new Date('2026-11-26T00:00:00Z') },
      ),
    )

    const message = reminderListMessage(reminders)

    expect(message.blocks.length).toBeLessThanOrEqual(50)
    expect(JSON.stringify(message.blocks)).toContain('ほか 80 件')
  })
})

describe('the due reminder says what to do for the way the channel pays (domain.md, decided 2026-11)', async () => {
  const { createRenderer } = await import('../../src/render/templates.js')
  const renderer = createRenderer()
  const due = (paymentMethod: string) =>
    renderer.guidance('reminder-calendar-due', {
      usageMonthLabel: '2027年4月',
      paymentDue: '2027-05-31',
      dueToday: true,
      paymentMethod,
      np: NP_SUPPORT_DESK,
    })

  it('asks invoice payers to transfer, and no one else', () => {
    expect(due('invoice')).toContain('お振り込みください')
    expect(due('direct_debit')).not.toContain('お振り込み')
    expect(due('direct_debit')).toContain('引き落とし')
    expect(due('konbini')).toContain('コンビニ払込票')
    expect(due('konbini')).not.toContain('お振り込み')
  })
})

describe('a pay-by reminder on the last business day before a holiday due date never calls its own day the deadline (domain.md)', async () => {
  const { createRenderer } = await import('../../src/render/templates.js')
  const renderer = createRenderer()

  it.each(['reminder-direct-debit-invoice-due', 'reminder-deletion-payment-due'])(
    '%s names the real due date',
    (name) => {
      const text = renderer.guidance(name, {
        operatorId: 'OP0123456789',
        paymentDue: '2027-01-31',
        payBy: '2027-01-29',
      })
      expect(text).toContain('支払期限は 2027年1月31日(日) です。本日が期限前の最終営業日です')
      expect(text).not.toContain('本日 2027年1月31日')
    },
  )
})
