import { describe, expect, it } from 'vitest'
import { cancelReminder } from '../../src/app/cancel-reminder.js'
import { changeTicket, ticketForReference } from '../../src/app/change-ticket.js'
import { followUp } from '../../src/app/follow-up.js'
import { remindInvoiceExpected } from '../../src/app/remind-invoice-expected.js'
import { requestDirectDebit } from '../../src/app/request-direct-debit.js'
import { requestInvoiceMerge } from '../../src/app/request-invoice-merge.js'
import { startAccountDeletion } from '../../src/app/start-account-deletion.js'
import { toggleChecklistStep } from '../../src/app/toggle-checklist-step.js'
import type { OperatorId } from '../../src/domain/operator-id.js'
import type { PlainDate, YearMonth } from '../../src/domain/plain-date.js'
import { type MemoryDeps, memoryDeps, ORIGIN } from '../support/memory-ports.js'

/** Changes to someone's record over in-memory ports: who may act, in what order, and what Slack is told. */

const OP = 'OP0123456789' as OperatorId

async function postedDirectDebit(deps: MemoryDeps) {
  const outcome = await requestDirectDebit(deps, {
    request: {
      operatorId: OP,
      coverage: 'jp',
      accountType: 'corporate',
      invoicePayment: 'active',
      consent: true,
    },
    origin: ORIGIN,
    viewId: 'V0001',
  })
  if (outcome.kind !== 'stored' || outcome.record.kind !== 'ticket') throw new Error('expected a ticket')
  await followUp(deps, outcome)
  return outcome.record.ticket.id
}

describe('changeTicket', () => {
  it('records 送信した, updates the posted message and starts the direct-debit follow-up reminders', async () => {
    const deps = memoryDeps()
    const id = await postedDirectDebit(deps)
    const outcome = await changeTicket(deps, {
      ticketId: id,
      user: 'U0ALICE',
      request: { kind: 'milestone', milestone: 'sent' },
    })
    expect(outcome).toMatchObject({ kind: 'changed' })
    expect(deps.tickets.get(id)?.status).toBe('sent')
    expect(deps.notifier.updates).toHaveLength(1)
    expect([...deps.reminders.byId.values()].some((r) => r.ticketId === id)).toBe(true)
  })

  it('refuses someone else’s ticket, an unknown one, and a step out of order — with the reason as a code', async () => {
    const deps = memoryDeps()
    const id = await postedDirectDebit(deps)
    const milestone = (m: string, user = 'U0ALICE') =>
      changeTicket(deps, { ticketId: id, user, request: { kind: 'milestone', milestone: m } })
    expect(await milestone('sent', 'U0BOB')).toEqual({
      kind: 'refused',
      refusal: { on: 'ticket', reason: 'not_owner' },
    })
    expect(
      await changeTicket(deps, {
        ticketId: 'nope',
        user: 'U0ALICE',
        request: { kind: 'close', to: 'cancelled' },
      }),
    ).toEqual({
      kind: 'refused',
      refusal: { on: 'ticket', reason: 'unknown' },
    })
    expect(await milestone('form_returned')).toEqual({
      kind: 'refused',
      refusal: { on: 'ticket', reason: 'out_of_order' },
    })
    expect(deps.notifier.updates).toEqual([])
  })

  it('lets an admin act on anyone’s ticket; a double click changes nothing twice', async () => {
    const deps = memoryDeps()
    const id = await postedDirectDebit(deps)
    const sent = () =>
      changeTicket(deps, { ticketId: id, user: 'U0ADMIN', request: { kind: 'milestone', milestone: 'sent' } })
    const [first, second] = await Promise.all([sent(), sent()])
    expect(first.kind).toBe('changed')
    expect(second).toEqual({ kind: 'unchanged' })
    expect(deps.tickets.get(id)?.progress).toHaveLength(1)
  })

  it('keeps the change when Slack kept the old message, and says so', async () => {
    const deps = memoryDeps()
    const id = await postedDirectDebit(deps)
    deps.notifier.refuse = 'message_not_found'
    const outcome = await changeTicket(deps, {
      ticketId: id,
      user: 'U0ALICE',
      request: { kind: 'close', to: 'cancelled' },
    })
    expect(outcome).toMatchObject({ kind: 'changed', stale: { error: 'message_not_found' } })
    expect(deps.tickets.get(id)?.status).toBe('cancelled')
  })

  it('opens the reference form only for the requester or an admin', async () => {
    const deps = memoryDeps()
    const id = await postedDirectDebit(deps)
    expect((await ticketForReference(deps, { ticketId: id, user: 'U0ALICE' })).kind).toBe('allowed')
    expect(await ticketForReference(deps, { ticketId: id, user: 'U0BOB' })).toEqual({
      kind: 'refused',
      refusal: { on: 'ticket', reason: 'not_owner' },
    })
  })
})

describe('toggleChecklistStep', () => {
  async function checklist(deps: MemoryDeps) {
    const outcome = await startAccountDeletion(deps, {
      request: { operatorId: OP, cancelDate: '2027-01-15' as PlainDate },
      origin: ORIGIN,
      viewId: 'V0002',
    })
    if (outcome.kind !== 'stored') throw new Error('expected a checklist')
    await followUp(deps, outcome)
    return outcome.record.kind === 'checklist' ? outcome.record.checklist.id : ''
  }

  it('ticks a step with who and when, and withdraws the final-invoice reminders once payments are done', async () => {
    const deps = memoryDeps()
    const id = await checklist(deps)
    const active = () => deps.reminders.active().filter((r) => r.checklistId === id)
    expect(active().length).toBeGreaterThan(0)
    const outcome = await toggleChecklistStep(deps, {
      checklistId: id,
      step: 'payments_complete',
      tick: true,
      user: 'U0ALICE',
    })
    expect(outcome).toEqual({ kind: 'changed' })
    expect(deps.checklists.get(id)?.items.find((i) => i.key === 'payments_complete')?.ticked?.by).toBe(
      'U0ALICE',
    )
    expect(active()).toEqual([])
  })

  it('keeps 「アカウントを削除する」 locked until everything else is done, and refuses others’ clicks', async () => {
    const deps = memoryDeps()
    const id = await checklist(deps)
    expect(
      await toggleChecklistStep(deps, {
        checklistId: id,
        step: 'account_deleted',
        tick: true,
        user: 'U0ALICE',
      }),
    ).toEqual({
      kind: 'refused',
      refusal: { on: 'checklist', reason: 'final_step_locked' },
    })
    expect(
      await toggleChecklistStep(deps, { checklistId: id, step: 'sims_cancelled', tick: true, user: 'U0BOB' }),
    ).toEqual({
      kind: 'refused',
      refusal: { on: 'checklist', reason: 'not_owner' },
    })
  })

  it('applies a double click once: one history entry, one message update', async () => {
    const deps = memoryDeps()
    const id = await checklist(deps)
    const tick = () =>
      toggleChecklistStep(deps, { checklistId: id, step: 'sims_cancelled', tick: true, user: 'U0ALICE' })
    const outcomes = await Promise.all([tick(), tick()])
    expect(outcomes).toEqual([{ kind: 'changed' }, { kind: 'unchanged' }])
    expect(deps.checklists.get(id)?.history).toHaveLength(1)
    expect(deps.notifier.updates).toHaveLength(1)
  })

  it('ticks a bank-account merge step without any reminder', async () => {
    const deps = memoryDeps()
    const outcome = await requestInvoiceMerge(deps, {
      request: { mode: 'single_bank_account', sources: [OP], target: undefined },
      origin: ORIGIN,
      viewId: 'V0003',
    })
    if (outcome.kind !== 'stored' || outcome.record.kind !== 'checklist')
      throw new Error('expected a checklist')
    const id = outcome.record.checklist.id
    expect(
      await toggleChecklistStep(deps, { checklistId: id, step: 'keys_found', tick: true, user: 'U0ALICE' }),
    ).toEqual({ kind: 'changed' })
    expect(deps.reminders.byId.size).toBe(0)
  })
})

describe('reminders a user sets and cancels', () => {
  it('sets a reminder for the day a reissue can be asked, and only its owner (or an admin) cancels it', async () => {
    const deps = memoryDeps()
    const outcome = await remindInvoiceExpected(deps, {
      operatorId: OP,
      usageMonth: '2026-11' as YearMonth,
      user: 'U0ALICE',
      channel: 'C0BILLING',
    })
    expect(outcome).toMatchObject({ kind: 'scheduled', usageMonth: '2026-11' })
    const [reminder] = deps.reminders.active()
    if (!reminder) throw new Error('expected a reminder')
    expect(await cancelReminder(deps, { reminderId: reminder.id, user: 'U0BOB' })).toEqual({
      kind: 'refused',
      refusal: { on: 'reminder', reason: 'not_owner' },
    })
    expect(await cancelReminder(deps, { reminderId: reminder.id, user: 'U0ALICE' })).toEqual({
      kind: 'cancelled',
    })
    expect(deps.reminders.get(reminder.id)).toMatchObject({ state: 'cancelled', cancelledByUser: true })
  })

  it('says the reissue can be asked already for a month long past', async () => {
    const outcome = await remindInvoiceExpected(memoryDeps(), {
      operatorId: OP,
      usageMonth: '2026-08' as YearMonth,
      user: 'U0ALICE',
      channel: 'C0BILLING',
    })
    expect(outcome).toEqual({ kind: 'passed', usageMonth: '2026-08' })
  })
})
