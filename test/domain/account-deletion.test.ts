import { describe, expect, it } from 'vitest'
import { planAccountDeletion } from '../../src/domain/account-deletion.js'
import { createChecklist, isChecklistComplete, setChecklistStep } from '../../src/domain/checklist.js'
import { CHECKLIST_DEFINITIONS } from '../../src/domain/checklist-definitions.js'
import type { OperatorId } from '../../src/domain/operator-id.js'
import type { PlainDate } from '../../src/domain/plain-date.js'
import { CHECKLIST_STEPS } from '../../src/render/checklist-steps.js'

const operatorId = 'OP0123456789' as OperatorId
const today = '2026-11-26' as PlainDate
const rules = { lastStepAfterOthers: true }
const t0 = new Date('2026-11-26T01:00:00Z')

describe('planAccountDeletion (§6.4)', () => {
  it('derives the final invoice from the cancellation day: issued next month, due at its end', () => {
    const outcome = planAccountDeletion({ operatorId, cancelDate: '2027-04-15' as PlainDate }, today)
    expect(outcome.kind === 'checklist' && outcome.plan.finalInvoice).toMatchObject({
      closingDate: '2027-04-30',
      invoiceIssued: '2027-05-11',
      paymentDue: '2027-05-31',
    })
  })

  it('bills a cancellation on the last day of a month in the next month', () => {
    const outcome = planAccountDeletion({ operatorId, cancelDate: '2026-12-31' as PlainDate }, today)
    expect(outcome.kind === 'checklist' && outcome.plan.finalInvoice.invoiceIssued).toBe('2027-01-07')
  })

  it('refuses a cancellation date more than a year ahead', () => {
    expect(planAccountDeletion({ operatorId, cancelDate: '2028-01-01' as PlainDate }, today)).toMatchObject({
      kind: 'invalid',
      field: 'cancelDate',
    })
  })

  it('refuses a date before SORACOM existed', () => {
    expect(planAccountDeletion({ operatorId, cancelDate: '2010-01-01' as PlainDate }, today).kind).toBe(
      'invalid',
    )
  })

  it('lists SIMs, other services, payments, then deletion, in that order', () => {
    expect(CHECKLIST_STEPS.account_deletion.map((s) => s.key)).toEqual([
      'sims_cancelled',
      'services_cancelled',
      'payments_complete',
      'account_deleted',
    ])
  })
})

describe('setChecklistStep', () => {
  const fresh = () =>
    createChecklist(
      { kind: 'account_deletion', operatorIds: [operatorId], requester: 'U1', channel: 'C1' },
      CHECKLIST_DEFINITIONS.account_deletion.steps,
      { id: 'L1', now: t0 },
    )

  it('records who ticked a step and when', () => {
    const outcome = setChecklistStep(fresh(), 'sims_cancelled', true, { by: 'U2', now: t0 }, rules)
    expect(outcome.kind === 'changed' && outcome.checklist.items[0]).toEqual({
      key: 'sims_cancelled',
      ticked: { by: 'U2', at: t0.toISOString() },
    })
    expect(outcome.kind === 'changed' && outcome.checklist.history).toEqual([
      { key: 'sims_cancelled', action: 'tick', by: 'U2', at: t0.toISOString() },
    ])
  })

  it('unticks a ticked step, keeping the history', () => {
    const first = setChecklistStep(fresh(), 'sims_cancelled', true, { by: 'U2', now: t0 }, rules)
    if (first.kind !== 'changed') throw new Error('expected a change')
    const second = setChecklistStep(first.checklist, 'sims_cancelled', false, { by: 'U2', now: t0 }, rules)
    expect(second.kind === 'changed' && second.checklist.items[0]).toEqual({ key: 'sims_cancelled' })
    expect(second.kind === 'changed' && second.checklist.history.map((h) => h.action)).toEqual([
      'tick',
      'untick',
    ])
  })

  it('refuses the delete step while any other step is open', () => {
    expect(setChecklistStep(fresh(), 'account_deleted', true, { by: 'U2', now: t0 }, rules)).toEqual({
      kind: 'refused',
      reason: 'final_step_locked',
    })
  })

  it('allows the delete step once the others are done, then freezes the list', () => {
    let checklist = fresh()
    for (const key of ['sims_cancelled', 'services_cancelled', 'payments_complete', 'account_deleted']) {
      const outcome = setChecklistStep(checklist, key, true, { by: 'U2', now: t0 }, rules)
      if (outcome.kind !== 'changed') throw new Error(`could not tick ${key}`)
      checklist = outcome.checklist
    }
    expect(isChecklistComplete(checklist)).toBe(true)
    expect(setChecklistStep(checklist, 'sims_cancelled', false, { by: 'U2', now: t0 }, rules)).toEqual({
      kind: 'refused',
      reason: 'completed',
    })
  })

  it('changes nothing when the step is already as wanted (a double click)', () => {
    const first = setChecklistStep(fresh(), 'sims_cancelled', true, { by: 'U2', now: t0 }, rules)
    if (first.kind !== 'changed') throw new Error('expected a change')
    const again = setChecklistStep(first.checklist, 'sims_cancelled', true, { by: 'U3', now: t0 }, rules)
    expect(again).toEqual({ kind: 'unchanged', checklist: first.checklist })
  })

  it('refuses a step that is not on the list', () => {
    expect(setChecklistStep(fresh(), 'nope', true, { by: 'U2', now: t0 }, rules)).toEqual({
      kind: 'refused',
      reason: 'unknown_step',
    })
  })

  it('lets the last step go first when the list has no order rule', () => {
    const outcome = setChecklistStep(
      fresh(),
      'account_deleted',
      true,
      { by: 'U2', now: t0 },
      { lastStepAfterOthers: false },
    )
    expect(outcome.kind).toBe('changed')
  })
})
