import { describe, expect, it } from 'vitest'
import { registerOperator } from '../../src/app/register-operator.js'
import { requestDirectDebit } from '../../src/app/request-direct-debit.js'
import {
  diagnoseApplication,
  requestBankAccountInquiry,
  requestCompanyNameChange,
  startLoginRecovery,
} from '../../src/app/request-guided.js'
import { requestInvoiceMerge } from '../../src/app/request-invoice-merge.js'
import { requestReissue } from '../../src/app/request-reissue.js'
import { startAccountDeletion } from '../../src/app/start-account-deletion.js'
import { startPaymentError } from '../../src/app/start-payment-error.js'
import type { DirectDebitRequest } from '../../src/domain/direct-debit.js'
import type { InvoiceReissueRequest } from '../../src/domain/invoice-reissue.js'
import type { OperatorId } from '../../src/domain/operator-id.js'
import type { PlainDate, YearMonth } from '../../src/domain/plain-date.js'
import { memoryDeps, ORIGIN } from '../support/memory-ports.js'

/**
 * The submission use cases over in-memory ports (issue 22): each answers a value — the stored
 * record, the guide's answer, or problems by block_id — and stores before answering; nothing is
 * posted until the follow-up step (test/app/follow-up.test.ts).
 */

const OP = 'OP0123456789' as OperatorId
const input = <R>(request: R) => ({ request, origin: ORIGIN, viewId: 'V0001' })

const reissue: InvoiceReissueRequest = {
  operatorId: OP,
  coverage: 'jp',
  usageMonth: '2026-10' as YearMonth,
  paymentMethod: 'invoice',
  delivery: 'email',
  address: undefined,
  amountZero: 'no',
  checks: [],
  destination: 'soracom',
}

const directDebit: DirectDebitRequest = {
  operatorId: OP,
  coverage: 'jp',
  accountType: 'corporate',
  invoicePayment: 'active',
  consent: true,
}

describe('requestReissue (§3.4.1)', () => {
  it('stores a reissue ticket for a late invoice, with the source view, and posts nothing yet', async () => {
    const deps = memoryDeps()
    const outcome = await requestReissue(deps, input(reissue))
    expect(outcome).toMatchObject({ kind: 'stored', record: { kind: 'ticket' } })
    const [ticket] = deps.tickets.all()
    expect(ticket).toMatchObject({ kind: 'invoice_reissue', requester: 'U0ALICE', sourceViewId: 'V0001' })
    expect(ticket?.body).toContain('OP0123456789')
    expect(deps.posting.held.has(ticket?.id ?? '')).toBe(true)
    expect(deps.notifier.posts).toEqual([])
  })

  it('answers the guide instead of a ticket for a card payer: no invoice exists (§5.4.2)', async () => {
    const deps = memoryDeps()
    const outcome = await requestReissue(deps, input({ ...reissue, paymentMethod: 'card' }))
    expect(outcome).toMatchObject({
      kind: 'guidance',
      origin: ORIGIN,
      guidance: { kind: 'invoice_reissue_no_invoice', cardPayment: true, zeroAmount: false },
    })
    expect(deps.tickets.all()).toEqual([])
  })

  it('says when the invoice is not late yet, with the day a reminder would come', async () => {
    const deps = memoryDeps()
    const outcome = await requestReissue(deps, input({ ...reissue, usageMonth: '2026-11' as YearMonth }))
    expect(outcome).toMatchObject({
      kind: 'guidance',
      guidance: { kind: 'invoice_reissue_too_early', usageMonth: '2026-11', issued: false },
    })
  })

  it('names the field: a month in the future, a request to NP without a company name', async () => {
    const deps = memoryDeps()
    expect(await requestReissue(deps, input({ ...reissue, usageMonth: '2027-01' as YearMonth }))).toEqual({
      kind: 'invalid',
      problems: { usage_month: { code: 'usage_month_in_future', latest: '2026-11' } },
    })
    expect(await requestReissue(deps, input({ ...reissue, destination: 'np' }))).toEqual({
      kind: 'invalid',
      problems: { company_name: { code: 'company_name_required_for_np' } },
    })
    expect(deps.tickets.all()).toEqual([])
  })

  it('keeps nothing and says nothing was stored when the store fails (the disk is full)', async () => {
    const deps = memoryDeps()
    deps.tickets.failing = true
    await expect(requestReissue(deps, input(reissue))).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(deps.tickets.all()).toEqual([])
    expect(deps.posting.held.size).toBe(0)
  })
})

describe('requestDirectDebit (§3.5)', () => {
  it('stores the documented request for an eligible corporate account', async () => {
    const deps = memoryDeps()
    expect(await requestDirectDebit(deps, input(directDebit))).toMatchObject({ kind: 'stored' })
    expect(deps.tickets.all()[0]).toMatchObject({ kind: 'direct_debit', subject: '口座振替の希望' })
  })

  it('answers the guide for an individual account or one without invoice payment', async () => {
    const deps = memoryDeps()
    expect(
      await requestDirectDebit(deps, input({ ...directDebit, accountType: 'individual' })),
    ).toMatchObject({
      kind: 'guidance',
      guidance: { kind: 'direct_debit_ineligible', reason: 'individual_account' },
    })
    expect(
      await requestDirectDebit(deps, input({ ...directDebit, invoicePayment: 'not_yet' })),
    ).toMatchObject({
      kind: 'guidance',
      guidance: { kind: 'direct_debit_ineligible', reason: 'invoice_payment_required' },
    })
    expect(deps.tickets.all()).toEqual([])
  })

  it('asks for the consent under its checkbox', async () => {
    expect(await requestDirectDebit(memoryDeps(), input({ ...directDebit, consent: false }))).toEqual({
      kind: 'invalid',
      problems: { consent: { code: 'consent_required' } },
    })
  })
})

describe('requestInvoiceMerge (§3.4.3)', () => {
  const sources = ['OP1111111111', 'OP2222222222'] as OperatorId[]

  it('stores a 請求統合 ticket for one invoice', async () => {
    const deps = memoryDeps()
    const target = 'OP3333333333' as OperatorId
    expect(await requestInvoiceMerge(deps, input({ mode: 'single_invoice', sources, target }))).toMatchObject(
      {
        kind: 'stored',
        record: { kind: 'ticket' },
      },
    )
    expect(deps.tickets.all()[0]).toMatchObject({ kind: 'invoice_merge', operatorId: target })
  })

  it('stores the NP MyPage checklist for one bank account', async () => {
    const deps = memoryDeps()
    const outcome = await requestInvoiceMerge(
      deps,
      input({ mode: 'single_bank_account', sources, target: undefined }),
    )
    expect(outcome).toMatchObject({ kind: 'stored', record: { kind: 'checklist' } })
    expect(deps.checklists.all()[0]?.items.map((i) => i.key)).toEqual([
      'mypage_registered',
      'keys_found',
      'keys_registered',
      'account_confirmed',
    ])
  })

  it('names the target field when it is missing or among the sources', async () => {
    const deps = memoryDeps()
    expect(
      await requestInvoiceMerge(deps, input({ mode: 'single_invoice', sources, target: undefined })),
    ).toEqual({
      kind: 'invalid',
      problems: { target_operator_id: { code: 'merge_target_missing' } },
    })
    const target = sources[0] as OperatorId
    expect(await requestInvoiceMerge(deps, input({ mode: 'single_invoice', sources, target }))).toEqual({
      kind: 'invalid',
      problems: { target_operator_id: { code: 'merge_target_in_sources', target } },
    })
  })
})

describe('startAccountDeletion (§6.4) and startPaymentError (§3.8.1)', () => {
  it('stores the deletion checklist with its cancellation day', async () => {
    const deps = memoryDeps()
    const request = { operatorId: OP, cancelDate: '2027-01-15' as PlainDate }
    expect(await startAccountDeletion(deps, input(request))).toMatchObject({ kind: 'stored' })
    expect(deps.checklists.all()[0]).toMatchObject({ kind: 'account_deletion', cancelDate: '2027-01-15' })
  })

  it('refuses a cancellation day more than a year ahead, naming the range', async () => {
    const outcome = await startAccountDeletion(
      memoryDeps(),
      input({ operatorId: OP, cancelDate: '2028-06-01' as PlainDate }),
    )
    expect(outcome).toEqual({
      kind: 'invalid',
      problems: {
        cancel_date: { code: 'cancel_date_out_of_range', earliest: '2014-11-01', latest: '2027-10-31' },
      },
    })
  })

  it('stores the recovery steps for how the account pays; an individual cannot pay by invoice', async () => {
    const deps = memoryDeps()
    const request = {
      operatorId: OP,
      coverage: 'jp' as const,
      paymentMethod: 'card' as const,
      accountType: 'individual' as const,
    }
    expect(await startPaymentError(deps, input(request))).toMatchObject({ kind: 'stored' })
    expect(deps.checklists.all()[0]).toMatchObject({
      kind: 'payment_error_card_individual',
      cause: { kind: 'reported' },
    })
    expect(await startPaymentError(deps, input({ ...request, paymentMethod: 'invoice' as const }))).toEqual({
      kind: 'invalid',
      problems: { payment_method: { code: 'individual_pays_by_card', context: 'payment_error' } },
    })
  })
})

describe('the guided requests (§3.3, §3.4.2, §6.2, §7.3)', () => {
  it('answers "too early" before the switch mail, and stores the inquiry after it', async () => {
    const deps = memoryDeps()
    const request = { operatorId: OP, coverage: 'jp' as const, switchMailReceived: false }
    expect(await requestBankAccountInquiry(deps, input(request))).toMatchObject({
      kind: 'guidance',
      guidance: { kind: 'bank_account_too_early', operatorId: OP },
    })
    expect(
      await requestBankAccountInquiry(deps, input({ ...request, switchMailReceived: true })),
    ).toMatchObject({
      kind: 'stored',
    })
  })

  it('refuses a name change for a transfer, names the field for the same name, stores a real change', async () => {
    const deps = memoryDeps()
    const base = { operatorId: OP, currentName: '株式会社サンプル', newName: '株式会社サンプル2' }
    expect(
      await requestCompanyNameChange(deps, input({ ...base, reason: 'transfer' as const })),
    ).toMatchObject({
      kind: 'guidance',
      guidance: { kind: 'company_name_change_not_possible' },
    })
    expect(
      await requestCompanyNameChange(
        deps,
        input({ ...base, newName: base.currentName, reason: 'trade_name' as const }),
      ),
    ).toEqual({ kind: 'invalid', problems: { new_name: { code: 'same_company_name' } } })
    expect(await requestCompanyNameChange(deps, input({ ...base, reason: 'merger' as const }))).toMatchObject(
      {
        kind: 'stored',
      },
    )
    expect(deps.tickets.all()[0]?.request).toMatchObject({ newName: '株式会社サンプル2' })
  })

  it('keeps the new-address step only when the login address is unusable', async () => {
    const deps = memoryDeps()
    await startLoginRecovery(deps, input({ companyName: '株式会社サンプル', applicant: '山田' }))
    await startLoginRecovery(
      deps,
      input({ companyName: '株式会社サンプル', applicant: '山田', newEmail: 'new@example.co.jp' }),
    )
    const [first, second] = deps.checklists.all().map((c) => c.items.map((i) => i.key))
    expect(first).not.toContain('new_email')
    expect(second).toContain('new_email')
  })

  it('diagnoses a stuck invoice-payment application without storing anything', () => {
    const outcome = diagnoseApplication({
      request: {
        accountType: 'individual',
        email: 'company',
        error: 'none',
        postalCode: 'ordinary',
        prefectureInAddress: false,
      },
      origin: ORIGIN,
    })
    expect(outcome).toMatchObject({ kind: 'guidance', guidance: { kind: 'invoice_application_diagnosis' } })
    expect(outcome.kind === 'guidance' && outcome.guidance).toMatchObject({
      causes: expect.arrayContaining(['individual_account']),
    })
  })
})

describe('registerOperator (/billing operators)', () => {
  const registration = {
    operatorId: OP,
    coverage: 'jp' as const,
    accountType: 'corporate' as const,
    paymentMethod: 'invoice' as const,
  }

  it('stores the operator, then answers that the user is to be told', async () => {
    const deps = memoryDeps()
    expect(await registerOperator(deps, { registration, origin: ORIGIN })).toEqual({
      kind: 'operator_registered',
      origin: ORIGIN,
      operatorId: OP,
    })
    expect(deps.operators.get(OP)).toMatchObject({ registeredBy: 'U0ALICE' })
  })

  it('lets only the one who registered it, or an admin, change it', async () => {
    const deps = memoryDeps()
    await registerOperator(deps, { registration, origin: ORIGIN })
    const bob = { channel: 'C0BILLING', user: 'U0BOB' }
    expect(await registerOperator(deps, { registration, origin: bob })).toEqual({
      kind: 'invalid',
      problems: { operator_id: { code: 'operator_registered_by_other', operatorId: OP } },
    })
    expect(await registerOperator(deps, { registration, origin: { ...bob, user: 'U0ADMIN' } })).toMatchObject(
      {
        kind: 'operator_registered',
      },
    )
  })

  it('refuses invoice payment for an individual account (§3.1)', async () => {
    expect(
      await registerOperator(memoryDeps(), {
        registration: { ...registration, accountType: 'individual' },
        origin: ORIGIN,
      }),
    ).toEqual({
      kind: 'invalid',
      problems: { payment_method: { code: 'individual_pays_by_card', context: 'registration' } },
    })
  })
})
