import { describe, expect, it } from 'vitest'
import { billingDatesFor } from '../../src/domain/billing-calendar.js'
import { CHECKLIST_KINDS, createChecklist } from '../../src/domain/checklist.js'
import { CHECKLIST_DEFINITIONS } from '../../src/domain/checklist-definitions.js'
import type { OperatorId } from '../../src/domain/operator-id.js'
import type { FieldProblem, Guidance, Refusal } from '../../src/domain/outcomes.js'
import type { PlainDate, YearMonth } from '../../src/domain/plain-date.js'
import { renderChecklist } from '../../src/render/checklist.js'
import { CHECKLIST_STEPS } from '../../src/render/checklist-steps.js'
import { describeChecklist } from '../../src/render/checklist-view.js'
import { renderGuidance } from '../../src/render/guidance.js'
import { fieldErrors, problemText } from '../../src/render/problems.js'
import { changeNote, refusalText } from '../../src/render/refusals.js'
import { createRenderer } from '../../src/render/templates.js'

/** The words for the use cases' outcomes (issue 22: the domain answers codes, render/ words them). */

const renderer = createRenderer()
const OP = 'OP0123456789' as OperatorId
const context = {
  operatorId: OP,
  dates: billingDatesFor('2026-10' as YearMonth),
  pendingChecks: [],
  delivery: 'email' as const,
}

const text = (g: Guidance) => {
  const message = renderGuidance(renderer, g)
  return { fallback: message.text, body: JSON.stringify(message.blocks) }
}

describe('renderGuidance', () => {
  it('tells an individual account that it pays by card only, and no ticket follows (§3.1)', () => {
    const { fallback, body } = text({
      kind: 'direct_debit_ineligible',
      reason: 'individual_account',
      operatorId: OP,
    })
    expect(fallback).toBe('口座振替はまだ申し込めません（OP0123456789）')
    expect(body).toContain('クレジットカードのみ')
  })

  it('asks for the invoice-payment application first, with its form and E1999507 (§3.5, §3.3.1)', () => {
    const { body } = text({
      kind: 'direct_debit_ineligible',
      reason: 'invoice_payment_required',
      operatorId: OP,
    })
    expect(body).toContain('https://soracom.jp/contact/bill_payment/')
    expect(body).toContain('E1999507')
  })

  it('offers the reminder button for a reissue asked too early, carrying what the button needs', () => {
    const message = renderGuidance(renderer, {
      kind: 'invoice_reissue_too_early',
      context,
      expectedOn: '2026-11-06' as PlainDate,
      waitUntil: '2026-11-10' as PlainDate,
      remindOn: '2026-11-11' as PlainDate,
      issued: false,
      usageMonth: '2026-10' as YearMonth,
    })
    expect(message.text).toContain('までは請求書が届いていなくても遅れではありません')
    const actions = message.blocks.find((b) => b.type === 'actions')
    expect(JSON.stringify(actions)).toContain(
      '{\\"operatorId\\":\\"OP0123456789\\",\\"usageMonth\\":\\"2026-10\\",\\"remindOn\\":\\"2026-11-11\\"}',
    )
  })

  it.each<Guidance>([
    { kind: 'invoice_reissue_no_invoice', context, zeroAmount: true, cardPayment: false },
    { kind: 'bank_account_too_early', operatorId: OP },
    { kind: 'company_name_change_not_possible', operatorId: OP },
    { kind: 'invoice_application_diagnosis', causes: ['individual_account', 'postal_code_not_in_database'] },
  ])('words $kind with a notification text and blocks', (guidance) => {
    const { fallback, body } = text(guidance)
    expect(fallback.length).toBeGreaterThan(5)
    expect(body).not.toMatch(/undefined|\[object Object\]/)
  })
})

describe('problemText and refusalText', () => {
  const problems: Array<[string, FieldProblem]> = [
    ['payment_method', { code: 'unanswered' }],
    ['usage_month', { code: 'usage_month_in_future', latest: '2026-11' as YearMonth }],
    ['company_name', { code: 'company_name_required_for_np' }],
    ['consent', { code: 'consent_required' }],
    ['new_name', { code: 'same_company_name' }],
    ['target_operator_id', { code: 'merge_target_missing' }],
    ['target_operator_id', { code: 'merge_target_in_sources', target: OP }],
    [
      'cancel_date',
      {
        code: 'cancel_date_out_of_range',
        earliest: '2014-11-01' as PlainDate,
        latest: '2027-10-31' as PlainDate,
      },
    ],
    ['payment_method', { code: 'individual_pays_by_card', context: 'registration' }],
    ['operator_id', { code: 'operator_registered_by_other', operatorId: OP }],
    ['operator_id', { code: 'admins_only' }],
    ['auth_key', { code: 'auth_key_refused' }],
    ['operator_id', { code: 'auth_key_of_other_operator', keyOperator: 'OP9999999999', operatorId: OP }],
    ['auth_key', { code: 'auth_key_missing_permissions', permissions: ['Billing:getBilling'] }],
    ['reference', { code: 'too_long', max: 100 }],
  ]

  it.each(problems)('words a problem under %s (%o)', (blockId, problem) => {
    const line = problemText(blockId, problem)
    expect(line.length).toBeGreaterThan(5)
    expect(line).not.toMatch(/undefined|\[object Object\]/)
  })

  it('names the target and the range in the lines, Japanese dates included', () => {
    expect(fieldErrors({ target_operator_id: { code: 'merge_target_missing' } })).toEqual({
      target_operator_id: expect.stringContaining('統合先'),
    })
    expect(problemText('cancel_date', problems[7]?.[1] as FieldProblem)).toContain('2027年10月31日')
  })

  it('words every refusal, and a change Slack did not show', () => {
    const refusals: Refusal[] = [
      { on: 'ticket', reason: 'not_owner' },
      { on: 'ticket', reason: 'out_of_order' },
      { on: 'checklist', reason: 'final_step_locked' },
      { on: 'reminder', reason: 'not_owner' },
      { on: 'operator_link', reason: 'admins_only' },
    ]
    for (const r of refusals) expect(refusalText(r).length).toBeGreaterThan(5)
    expect(changeNote({ kind: 'changed', stale: { error: 'message_not_found' } })).toContain(
      'message_not_found',
    )
    expect(changeNote({ kind: 'unchanged' })).toBeUndefined()
  })
})

describe('checklists: the domain keeps the step keys, render/ the words', () => {
  it('words exactly the steps of every checklist kind, in the same order', () => {
    for (const kind of CHECKLIST_KINDS) {
      expect(CHECKLIST_STEPS[kind].map((s) => s.key)).toEqual([...CHECKLIST_DEFINITIONS[kind].steps])
      for (const step of CHECKLIST_STEPS[kind]) expect(step.title.length).toBeGreaterThan(3)
    }
  })
})

describe('a payment-error checklist the checks closed', () => {
  const closedWith = (reason: string) =>
    JSON.stringify(
      renderChecklist(
        renderer,
        describeChecklist({
          ...createChecklist(
            {
              kind: 'payment_error_card',
              operatorIds: [OP],
              coverage: 'jp',
              cause: { kind: 'card_error', errorCode: 'card_declined' },
              requester: 'U0ALICE',
              channel: 'C0BILLING',
            },
            CHECKLIST_DEFINITIONS.payment_error_card.steps,
            { id: 'C1', now: new Date('2026-11-26T01:00:00Z') },
          ),
          closed: { at: '2026-11-27T01:00:00Z', reason },
        }),
      ).blocks,
    )

  it('words the stored code, and shows a sentence stored before codes as it is', () => {
    expect(closedWith('card_recovered')).toContain(
      'クレジットカードが決済できる状態に戻ったことを確認しました',
    )
    expect(closedWith('SORACOM API でこの月の支払い済みを確認しました。')).toContain(
      'この月の支払い済みを確認しました',
    )
    expect(closedWith('card_recovered')).not.toContain('card_recovered')
  })
})
