import { describe, expect, it } from 'vitest'
import {
  answeredDirectDebit,
  type DirectDebitRequest,
  directDebitWithFacts,
  evaluateDirectDebit,
} from '../../src/domain/direct-debit.js'
import type { OperatorId } from '../../src/domain/operator-id.js'
import { directDebitTicketModel } from '../../src/render/ticket-models.js'

const request: DirectDebitRequest = {
  operatorId: 'OP0123456789' as OperatorId,
  coverage: 'jp',
  accountType: 'corporate',
  invoicePayment: 'active',
  consent: true,
}

describe('evaluateDirectDebit (§3.5)', () => {
  it('produces the documented request for a corporate account already paying by invoice', () => {
    expect(evaluateDirectDebit(request)).toEqual({ kind: 'ticket' })
    expect(directDebitTicketModel(request)).toEqual({
      kind: 'direct_debit',
      destination: 'soracom',
      operatorId: 'OP0123456789',
      coverageLabel: '日本',
      consentLabel: '同意',
    })
  })

  it.each([
    ['jp', '日本'],
    ['g', 'グローバル'],
    ['both', '両方'],
  ] as const)('labels coverage %s as %s', (coverage, label) => {
    const outcome = evaluateDirectDebit({ ...request, coverage })
    expect(outcome.kind).toBe('ticket')
    expect(directDebitTicketModel({ ...request, coverage }).coverageLabel).toBe(label)
  })

  it('refuses an individual account: card payment only (§3.1)', () => {
    expect(evaluateDirectDebit({ ...request, accountType: 'individual' })).toMatchObject({
      kind: 'ineligible',
      reason: 'individual_account',
    })
  })

  it('asks for invoice payment first when it is not yet in place', () => {
    expect(evaluateDirectDebit({ ...request, invoicePayment: 'not_yet' })).toMatchObject({
      kind: 'ineligible',
      reason: 'invoice_payment_required',
    })
  })

  it('judges an individual account ineligible even when invoice payment is also missing', () => {
    expect(
      evaluateDirectDebit({ ...request, accountType: 'individual', invoicePayment: 'not_yet' }),
    ).toMatchObject({
      reason: 'individual_account',
    })
  })

  it('requires consent to the notes from an eligible requester', () => {
    expect(evaluateDirectDebit({ ...request, consent: false })).toEqual({ kind: 'consent_required' })
  })

  it('does not ask an ineligible requester for consent', () => {
    expect(evaluateDirectDebit({ ...request, accountType: 'individual', consent: false }).kind).toBe(
      'ineligible',
    )
  })
})

describe('what SORACOM’s facts decide for a direct-debit request (issue 22)', () => {
  const draft = { ...request, invoicePayment: undefined }

  it('takes invoice payment as active for an NP payer and not yet for a card payer (§3.5)', () => {
    expect(directDebitWithFacts(draft, { paymentMethod: 'invoice' })).toMatchObject({
      invoicePayment: 'active',
    })
    expect(
      directDebitWithFacts({ ...draft, invoicePayment: 'active' }, { paymentMethod: 'card' }),
    ).toMatchObject({
      invoicePayment: 'not_yet',
    })
  })

  it('keeps the user’s answer when SORACOM cannot tell, and stays open without one', () => {
    expect(directDebitWithFacts({ ...draft, invoicePayment: 'not_yet' }, {})).toMatchObject({
      invoicePayment: 'not_yet',
    })
    expect(directDebitWithFacts(draft, {})).toBeUndefined()
    expect(answeredDirectDebit(draft)).toBeUndefined()
  })
})
