import { describe, expect, it } from 'vitest'
import type { OperatorId } from '../../src/domain/operator-id.js'
import {
  operatorToPrefill,
  paymentMethodAllowed,
  unregisteredOperators,
} from '../../src/domain/operator-registry.js'
import { createTicket, type Ticket } from '../../src/domain/ticket.js'
import {
  closeTicket,
  nextMilestone,
  recordReference,
  reportMilestone,
} from '../../src/domain/ticket-progress.js'
import { describeTicket } from '../../src/render/ticket-view.js'

const t0 = new Date('2026-11-26T01:00:00Z')
const change = { by: 'U1', now: t0 }

function reissue(): Ticket {
  return createTicket(
    {
      kind: 'invoice_reissue',
      destination: 'np',
      operatorId: 'OP0123456789' as OperatorId,
      request: {
        coverage: 'jp',
        usageMonth: '2026-10',
        paymentMethod: 'invoice',
        delivery: 'email',
        address: 'a@example.co.jp',
        amountZero: 'no',
        checks: [],
      },
      requester: 'U1',
      channel: 'C1',
    },
    { subject: 's', body: 'b', full: '' },
    { id: 'T1', now: t0 },
  )
}

function sent(ticket: Ticket): Ticket {
  const outcome = reportMilestone(ticket, 'sent', change)
  if (outcome.kind !== 'changed') throw new Error('not sent')
  return outcome.ticket
}

describe('ticket lifecycle', () => {
  it('moves rendered → sent and writes who and when into the history', () => {
    const ticket = sent(reissue())
    expect(ticket.status).toBe('sent')
    expect(ticket.history).toEqual([
      { at: t0.toISOString(), by: 'U1', what: 'milestone:sent', from: 'rendered', to: 'sent' },
    ])
  })

  it('resolves a sent ticket', () => {
    const outcome = closeTicket(sent(reissue()), 'resolved', change)
    expect(outcome.kind === 'changed' && outcome.ticket.status).toBe('resolved')
  })

  it('refuses to resolve a ticket that was never sent', () => {
    expect(closeTicket(reissue(), 'resolved', change)).toEqual({ kind: 'refused', reason: 'not_sent' })
  })

  it('withdraws a ticket before or after it is sent', () => {
    expect(closeTicket(reissue(), 'cancelled', change).kind).toBe('changed')
    expect(closeTicket(sent(reissue()), 'cancelled', change).kind).toBe('changed')
  })

  it('changes nothing when the same close arrives twice', () => {
    const once = closeTicket(sent(reissue()), 'resolved', change)
    if (once.kind !== 'changed') throw new Error('expected a change')
    expect(closeTicket(once.ticket, 'resolved', change).kind).toBe('unchanged')
  })

  it('refuses changes to a closed ticket', () => {
    const cancelled = closeTicket(reissue(), 'cancelled', change)
    if (cancelled.kind !== 'changed') throw new Error('expected a change')
    expect(closeTicket(cancelled.ticket, 'resolved', change)).toEqual({ kind: 'refused', reason: 'closed' })
    expect(reportMilestone(cancelled.ticket, 'sent', change)).toEqual({ kind: 'refused', reason: 'closed' })
    expect(nextMilestone(cancelled.ticket)).toBeUndefined()
  })

  it('records a reference number, normalised, and logs it', () => {
    const outcome = recordReference(sent(reissue()), ' ＃１２３４５ ', change)
    expect(outcome.kind === 'changed' && outcome.ticket.reference).toBe('#12345')
    expect(outcome.kind === 'changed' && outcome.ticket.history.at(-1)).toMatchObject({
      what: 'reference',
      detail: '#12345',
    })
  })

  it('clears the reference when given blank text', () => {
    const withRef = recordReference(sent(reissue()), '#1', change)
    if (withRef.kind !== 'changed') throw new Error('expected a change')
    const cleared = recordReference(withRef.ticket, '  ', change)
    expect(cleared.kind === 'changed' && cleared.ticket.reference).toBeUndefined()
  })

  it('caps an oversized reference at 100 characters', () => {
    const outcome = recordReference(sent(reissue()), 'x'.repeat(500), change)
    expect(outcome.kind === 'changed' && outcome.ticket.reference?.length).toBe(100)
  })
})

describe('operator registry rules', () => {
  const first = {
    operatorId: 'OP1111111111',
    coverage: 'jp' as const,
    accountType: 'corporate' as const,
    paymentMethod: 'invoice' as const,
    registeredBy: 'U1',
    registeredAt: t0.toISOString(),
  }
  const registry = [first]

  it('refuses any method but card for an individual account (§3.1)', () => {
    expect(paymentMethodAllowed('individual', 'invoice')).toBe(false)
    expect(paymentMethodAllowed('individual', 'card')).toBe(true)
    expect(paymentMethodAllowed('corporate', 'direct_debit')).toBe(true)
  })

  it('names the operator IDs that are not registered, once each', () => {
    expect(unregisteredOperators(['OP1111111111', 'OP2222222222', 'OP2222222222'], registry)).toEqual([
      'OP2222222222',
    ])
  })

  it('pre-fills the only registered operator, or the one named', () => {
    expect(operatorToPrefill(undefined, registry)?.operatorId).toBe('OP1111111111')
    expect(operatorToPrefill('OP9999999999', registry)).toBeUndefined()
    expect(operatorToPrefill(undefined, [...registry, { ...first, operatorId: 'OP2' }])).toBeUndefined()
  })
})

describe('the unregistered-operator warning (issue 24; §3.5.1)', () => {
  const registry = [
    {
      operatorId: 'OP1111111111',
      coverage: 'jp',
      accountType: 'corporate',
      paymentMethod: 'invoice',
      registeredBy: 'U1',
      registeredAt: t0.toISOString(),
    },
  ] as unknown as Parameters<typeof describeTicket>[1]

  it('speaks of sending from the one operator\u2019s console only on SORACOM tickets about one operator', () => {
    const toSoracom = { ...reissue(), destination: 'soracom' } as Ticket
    expect(describeTicket(toSoracom, registry).registry).toMatchObject({
      kind: 'unregistered',
      fromConsole: true,
    })
  })

  it('does not for an NP ticket (sent by e-mail)', () => {
    expect(describeTicket(reissue(), registry).registry).toMatchObject({
      kind: 'unregistered',
      fromConsole: false,
    })
  })

  it('does not for a merge ticket (several operators by design)', () => {
    const merge = createTicket(
      {
        kind: 'invoice_merge',
        destination: 'soracom',
        operatorId: 'OP3333333333' as OperatorId,
        request: { sources: ['OP2222222222'], target: 'OP3333333333' },
        requester: 'U1',
        channel: 'C1',
      } as Parameters<typeof createTicket>[0],
      { subject: 's', body: 'b', full: '' },
      { id: 'T2', now: t0 },
    )
    expect(describeTicket(merge, registry).registry).toMatchObject({
      kind: 'unregistered',
      fromConsole: false,
    })
  })
})
