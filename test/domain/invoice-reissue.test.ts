import { describe, expect, it } from 'vitest'
import {
  answeredReissue,
  evaluateInvoiceReissue,
  type InvoiceReissueRequest,
  reissueWithFacts,
} from '../../src/domain/invoice-reissue.js'
import type { OperatorId } from '../../src/domain/operator-id.js'
import type { PlainDate, YearMonth } from '../../src/domain/plain-date.js'
import {
  ADDRESS_NOT_GIVEN,
  reissueGuidanceModel,
  reissueTicketModel,
} from '../../src/render/ticket-models.js'

const request: InvoiceReissueRequest = {
  operatorId: 'OP0123456789' as OperatorId,
  coverage: 'jp',
  usageMonth: '2027-04' as YearMonth,
  paymentMethod: 'invoice',
  delivery: 'email',
  address: 'billing@example.co.jp',
  amountZero: 'no',
  checks: [],
  destination: 'soracom',
}
/** After the 2027-04 invoice date (2027-05-11). */
const late = '2027-05-20' as PlainDate

describe('evaluateInvoiceReissue (§3.4.1)', () => {
  it('says no invoice exists for a 0-yen month, without a ticket', () => {
    const outcome = evaluateInvoiceReissue({ ...request, amountZero: 'yes' }, late)
    expect(outcome).toMatchObject({ kind: 'no_invoice', reasons: ['zero_amount'] })
  })

  it('says card payment gets no invoice at all', () => {
    const outcome = evaluateInvoiceReissue({ ...request, paymentMethod: 'card' }, late)
    expect(outcome).toMatchObject({ kind: 'no_invoice', reasons: ['card_payment'] })
  })

  it('answers a card payer with the 請求明細書 alone, even for a 0-yen month (§5.4.2; domain.md, decided 2026-11)', () => {
    const outcome = evaluateInvoiceReissue({ ...request, amountZero: 'yes', paymentMethod: 'card' }, late)
    expect(outcome).toMatchObject({ kind: 'no_invoice', reasons: ['card_payment'] })
  })

  it('prefers "no invoice" over "too early" for a card payer asking early', () => {
    const outcome = evaluateInvoiceReissue({ ...request, paymentMethod: 'card' }, '2027-05-01' as PlainDate)
    expect(outcome.kind).toBe('no_invoice')
  })

  it('says it is too early before the invoice date, and gives that date', () => {
    const outcome = evaluateInvoiceReissue(request, '2027-05-10' as PlainDate)
    expect(outcome).toMatchObject({ kind: 'too_early', expectedOn: '2027-05-11' })
  })

  it('treats the current, unclosed month as too early', () => {
    const outcome = evaluateInvoiceReissue(request, '2027-04-20' as PlainDate)
    expect(outcome).toMatchObject({ kind: 'too_early', expectedOn: '2027-05-11' })
  })

  it('waits 2 business days after the expected issue day for e-mail delivery (domain.md, decided 2026-11)', () => {
    expect(evaluateInvoiceReissue(request, '2027-05-11' as PlainDate)).toMatchObject({
      kind: 'too_early',
      expectedOn: '2027-05-11',
      waitUntil: '2027-05-13',
    })
    expect(evaluateInvoiceReissue(request, '2027-05-13' as PlainDate).kind).toBe('too_early')
    expect(evaluateInvoiceReissue(request, '2027-05-14' as PlainDate).kind).toBe('ticket')
  })

  it('speaks of the issue day in the past once it has passed, and reminds on the first day a request is accepted (§3.4.1)', () => {
    const before = evaluateInvoiceReissue(request, '2027-05-10' as PlainDate)
    const after = evaluateInvoiceReissue(request, '2027-05-12' as PlainDate)
    expect(before).toMatchObject({ kind: 'too_early', issued: false, remindOn: '2027-05-14' })
    expect(after).toMatchObject({ kind: 'too_early', issued: true, remindOn: '2027-05-14' })
    // The reminder's day is one the same request is taken: no loop back to "too early".
    expect(evaluateInvoiceReissue(request, '2027-05-14' as PlainDate).kind).toBe('ticket')
  })

  it('waits 5 business days after the expected issue day for postal delivery (transit; domain.md, decided 2026-11)', () => {
    const post = { ...request, delivery: 'post' as const }
    expect(evaluateInvoiceReissue(post, '2027-05-18' as PlainDate)).toMatchObject({
      kind: 'too_early',
      waitUntil: '2027-05-18',
    })
    expect(evaluateInvoiceReissue(post, '2027-05-19' as PlainDate).kind).toBe('ticket')
  })

  it('requires the company name for a request to NP, and names it in the ticket (domain.md, decided 2026-11)', () => {
    const toNp = { ...request, destination: 'np' as const }
    expect(evaluateInvoiceReissue(toNp, late)).toMatchObject({ kind: 'invalid', field: 'companyName' })
    const npRequest = { ...toNp, companyName: ' 株式会社サンプル ', address: undefined }
    const outcome = evaluateInvoiceReissue(npRequest, late)
    expect(outcome).toMatchObject({ kind: 'ticket', companyName: '株式会社サンプル' })
    // NP cannot see SORACOM's console: the blank address does not point there.
    expect(outcome.kind === 'ticket' && reissueTicketModel(npRequest, outcome).address).not.toContain(
      'コンソール',
    )
  })

  it('refuses a usage month in the future', () => {
    const outcome = evaluateInvoiceReissue({ ...request, usageMonth: '2027-06' as YearMonth }, late)
    expect(outcome).toMatchObject({ kind: 'invalid', field: 'usageMonth' })
  })

  it('carries operator, coverage, month, 締日, delivery, address and the checks done in the ticket', () => {
    const gRequest: InvoiceReissueRequest = { ...request, checks: ['spam_checked'], coverage: 'g' }
    const outcome = evaluateInvoiceReissue(gRequest, late)
    expect(outcome.kind === 'ticket' && reissueTicketModel(gRequest, outcome)).toMatchObject({
      operatorId: 'OP0123456789',
      coverageLabel: 'グローバル',
      usageMonthLabel: '2027年4月',
      closingDateLabel: '2027年4月30日',
      deliveryLabel: 'Eメール',
      address: 'billing@example.co.jp',
      doneCheckLabels: ['迷惑メールフォルダに振り分けられていないか確認した'],
    })
  })

  it('lists the checks still undone for e-mail delivery', () => {
    const outcome = evaluateInvoiceReissue({ ...request, checks: ['mail_searched'] }, late)
    expect(outcome.kind === 'ticket' && outcome.context.pendingChecks).toEqual([
      'spam_checked',
      'address_checked',
    ])
  })

  it('asks only about the address for postal delivery', () => {
    const outcome = evaluateInvoiceReissue({ ...request, delivery: 'post', checks: [] }, late)
    expect(outcome.kind === 'ticket' && outcome.context.pendingChecks).toEqual(['address_checked'])
  })

  it('says so in the ticket when no address was given', () => {
    const blank = { ...request, address: undefined }
    const outcome = evaluateInvoiceReissue(blank, late)
    expect(outcome.kind === 'ticket' && reissueTicketModel(blank, outcome).address).toBe(ADDRESS_NOT_GIVEN)
  })

  it('folds a multi-line address onto one line', () => {
    const posted: InvoiceReissueRequest = { ...request, delivery: 'post', address: '世田谷区玉川\n4-5-6' }
    const outcome = evaluateInvoiceReissue(posted, late)
    expect(outcome.kind === 'ticket' && reissueTicketModel(posted, outcome).address).toBe(
      '世田谷区玉川 4-5-6',
    )
  })

  it("gives NP's exact mail subject for the month", () => {
    const outcome = evaluateInvoiceReissue(request, late)
    expect(outcome.kind === 'ticket' && reissueGuidanceModel(outcome.context).npMailSubject).toBe(
      '【NP 掛け払い】請求書送付のご案内(株式会社ソラコム ご利用分 締日：2027年04月30日)',
    )
  })
})

describe('what SORACOM’s facts decide for a reissue (issue 22: the rule lives here, not in the listener)', () => {
  const draft = { ...request, paymentMethod: undefined, amountZero: undefined }

  it('needs no payment method for a 0-yen month: there is no invoice however it is paid (§3.4.1)', () => {
    expect(reissueWithFacts(draft, { amountZero: 'yes' })).toMatchObject({
      paymentMethod: 'invoice',
      amountZero: 'yes',
    })
  })

  it('needs no amount for a card payer: there is no invoice whatever the amount (§5.4.2)', () => {
    expect(reissueWithFacts(draft, { paymentMethod: 'card' })).toMatchObject({
      paymentMethod: 'card',
      amountZero: 'unknown',
    })
  })

  it('lets SORACOM’s answers win over the user’s, and leaves the request open when a question is', () => {
    expect(
      reissueWithFacts(
        { ...draft, paymentMethod: 'card', amountZero: 'yes' },
        { paymentMethod: 'invoice', amountZero: 'no' },
      ),
    ).toMatchObject({
      paymentMethod: 'invoice',
      amountZero: 'no',
    })
    expect(reissueWithFacts(draft, { paymentMethod: 'invoice' })).toBeUndefined()
    expect(reissueWithFacts(draft, {})).toBeUndefined()
    expect(answeredReissue(draft)).toBeUndefined()
    expect(answeredReissue(request)).toEqual(request)
  })
})
