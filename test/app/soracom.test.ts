import { describe, expect, it } from 'vitest'
import { checkLinkedOperators } from '../../src/app/check-linked-operators.js'
import { unansweredWithoutLink } from '../../src/app/fact-checked.js'
import { linkOperator, unlinkOperator } from '../../src/app/link-operator.js'
import { billReport, chooseLink, exportBillFile } from '../../src/app/read-bill.js'
import { planDirectDebit, requestDirectDebitWithFacts } from '../../src/app/request-direct-debit.js'
import { planReissue, requestReissueWithFacts } from '../../src/app/request-reissue.js'
import { lookupPaymentMethod, lookupReissueFacts } from '../../src/app/soracom-facts.js'
import { asSoracomFailure } from '../../src/app/soracom-failure.js'
import type { Bill } from '../../src/domain/bill.js'
import type { InvoiceReissueDraft } from '../../src/domain/invoice-reissue.js'
import type { OperatorId } from '../../src/domain/operator-id.js'
import type { YearMonth } from '../../src/domain/plain-date.js'
import type { OperatorLink } from '../../src/domain/soracom-link.js'
import { type MemoryDeps, memoryDeps, ORIGIN } from '../support/memory-ports.js'

/** The use cases that ask SORACOM, over an in-memory SORACOM port: links, bills, facts, alerts. */

const OP = 'OP0123456789' as OperatorId
const KEY = { authKeyId: 'keyId-abc', authKey: 'secret-xyz' }
const bill = (month: string, amount: number, extra: Partial<Bill> = {}): Bill => ({
  month: month as YearMonth,
  amount,
  currency: 'JPY',
  state: 'closed',
  ...extra,
})

async function linked(deps: MemoryDeps, bills: Bill[] = [bill('2026-10', 28734)]): Promise<OperatorLink> {
  deps.soracom.set(OP, 'jp', { bills, method: { providerType: 'NP' } })
  const outcome = await linkOperator(deps, {
    user: 'U0ADMIN',
    admin: true,
    operatorId: OP,
    coverage: 'jp',
    key: KEY,
    alertChannel: 'C0ALERTS',
  })
  if (outcome.kind !== 'linked') throw new Error(`expected a link, got ${outcome.kind}`)
  return outcome.link
}

describe('linkOperator / unlinkOperator', () => {
  it('stores the key sealed, never in clear, after SORACOM accepted it', async () => {
    const deps = memoryDeps()
    const link = await linked(deps)
    expect(link).toMatchObject({
      operatorId: OP,
      coverage: 'jp',
      alertChannel: 'C0ALERTS',
      linkedBy: 'U0ADMIN',
    })
    expect(JSON.stringify(deps.links.list())).not.toContain('secret-xyz')
    expect(deps.soracom.calls[0]).toBe('verify jp keyId-abc')
  })

  it('is for admins only, and never calls SORACOM for anyone else', async () => {
    const deps = memoryDeps()
    const outcome = await linkOperator(deps, {
      user: 'U0BOB',
      admin: false,
      operatorId: OP,
      coverage: 'jp',
      key: KEY,
      alertChannel: 'C1',
    })
    expect(outcome).toEqual({ kind: 'refused', refusal: { on: 'operator_link', reason: 'admins_only' } })
    expect(deps.soracom.calls).toEqual([])
  })

  it('names the field: a refused key, a key of another operator, missing permissions', async () => {
    const deps = memoryDeps()
    const link = {
      user: 'U0ADMIN',
      admin: true,
      operatorId: OP,
      coverage: 'jp' as const,
      key: KEY,
      alertChannel: 'C1',
    }
    deps.soracom.set(OP, 'jp', { bills: [], fail: 'soracom_auth_failed' })
    expect(await linkOperator(deps, link)).toEqual({
      kind: 'invalid',
      problems: { auth_key: { code: 'auth_key_refused' } },
    })
    deps.soracom.set(OP, 'jp', { bills: [], keyOperator: 'OP9999999999' })
    expect(await linkOperator(deps, link)).toEqual({
      kind: 'invalid',
      problems: {
        operator_id: { code: 'auth_key_of_other_operator', keyOperator: 'OP9999999999', operatorId: OP },
      },
    })
    deps.soracom.set(OP, 'jp', { bills: [], missingPermissions: ['Billing:getBilling'] })
    expect(await linkOperator(deps, link)).toEqual({
      kind: 'invalid',
      problems: { auth_key: { code: 'auth_key_missing_permissions', permissions: ['Billing:getBilling'] } },
    })
    expect(deps.links.list()).toEqual([])
  })

  it('answers a SORACOM outage as a failure to show, storing nothing', async () => {
    const deps = memoryDeps()
    deps.soracom.set(OP, 'jp', { bills: [], fail: 'soracom_unreachable' })
    expect(
      await linkOperator(deps, {
        user: 'U0ADMIN',
        admin: true,
        operatorId: OP,
        coverage: 'jp',
        key: KEY,
        alertChannel: 'C1',
      }),
    ).toEqual({ kind: 'failed', reason: 'unreachable' })
  })

  it('unlinks every coverage of the operator and forgets its opened key', async () => {
    const deps = memoryDeps()
    await linked(deps)
    expect(await unlinkOperator(deps, { user: 'U0BOB', admin: false, operatorId: OP })).toMatchObject({
      kind: 'refused',
    })
    expect(await unlinkOperator(deps, { user: 'U0ADMIN', admin: true, operatorId: OP })).toEqual({
      kind: 'unlinked',
      removed: ['jp'],
    })
    expect(deps.links.list()).toEqual([])
    expect(deps.soracom.forgotten).toContain(`${OP}/jp`)
  })
})

describe('billReport / exportBillFile', () => {
  it('reads the newest bill and the month before it, and remembers the closed one for App Home', async () => {
    const deps = memoryDeps()
    await linked(deps, [bill('2026-09', 20000), bill('2026-10', 28734)])
    const report = await billReport(deps, {})
    expect(report).toMatchObject({
      kind: 'bill',
      bill: { month: '2026-10' },
      previous: { month: '2026-09' },
      cardPayer: false,
    })
    expect(deps.links.get(OP, 'jp')?.latestBill).toMatchObject({ month: '2026-10', amount: 28734 })
  })

  it('says there is no bill, no link, or which link to choose — without asking SORACOM for what it cannot know', async () => {
    const deps = memoryDeps()
    expect(await billReport(deps, {})).toEqual({ kind: 'no_links' })
    await linked(deps)
    expect(await billReport(deps, { month: '2026-05' as YearMonth })).toMatchObject({
      kind: 'no_bill',
      month: '2026-05',
    })
    expect(await chooseLink(deps, { operatorId: 'OP1111111111' })).toEqual({
      kind: 'not_linked',
      operatorId: 'OP1111111111',
    })
  })

  it('answers SORACOM failing as a reason, not an error', async () => {
    const deps = memoryDeps()
    await linked(deps)
    deps.soracom.set(OP, 'jp', { bills: [], fail: 'soracom_unreachable' })
    expect(await billReport(deps, {})).toMatchObject({ kind: 'failed', reason: 'unreachable' })
  })

  it('gives the CSV download of a month', async () => {
    const deps = memoryDeps()
    await linked(deps)
    const outcome = await exportBillFile(deps, {
      operatorId: OP,
      coverage: 'jp',
      month: '2026-10' as YearMonth,
      file: 'csv',
    })
    expect(outcome).toMatchObject({ kind: 'url', url: 'https://soracom.example/csv/2026-10' })
  })
})

describe('the flows SORACOM answers (issue 22: the decision in the domain, the asking in app/)', () => {
  const draft: InvoiceReissueDraft = {
    operatorId: OP,
    coverage: 'jp',
    usageMonth: '2026-10' as YearMonth,
    delivery: 'email',
    address: undefined,
    checks: [],
    destination: 'soracom',
  }
  const withFacts = (deps: MemoryDeps, link: OperatorLink) =>
    requestReissueWithFacts(deps, { draft, link, origin: ORIGIN, viewId: 'V0001' })

  it('plans without calling anyone: the user’s answers, the questions left, or the link to ask', async () => {
    const deps = memoryDeps()
    expect(await planReissue(deps, draft)).toEqual({
      kind: 'invalid',
      problems: { payment_method: { code: 'unanswered' }, amount_zero: { code: 'unanswered' } },
    })
    expect(await planReissue(deps, { ...draft, paymentMethod: 'invoice', amountZero: 'no' })).toMatchObject({
      kind: 'answered',
    })
    const link = await linked(deps)
    deps.soracom.calls.length = 0
    expect(await planReissue(deps, draft)).toEqual({ kind: 'ask_soracom', link })
    expect(deps.soracom.calls).toEqual([])
  })

  it('stores a ticket when SORACOM shows a late invoice of an NP payer', async () => {
    const deps = memoryDeps()
    const link = await linked(deps, [bill('2026-10', 28734, { paymentStatus: 'delegated_to_third_party' })])
    const checked = await withFacts(deps, link)
    expect(checked).toMatchObject({
      kind: 'decided',
      facts: { paymentMethod: 'invoice', amountZero: 'no' },
      outcome: { kind: 'stored' },
    })
    expect(deps.tickets.all()).toHaveLength(1)
  })

  it('needs no ticket when SORACOM shows a 0-yen month or a card payer', async () => {
    const zero = memoryDeps()
    const zeroLink = await linked(zero, [bill('2026-10', 0, { couponAmount: 500 })])
    expect(await withFacts(zero, zeroLink)).toMatchObject({
      kind: 'decided',
      facts: { couponCovered: true },
      outcome: { kind: 'guidance', guidance: { kind: 'invoice_reissue_no_invoice', zeroAmount: true } },
    })
    const card = memoryDeps()
    const cardLink = await linked(card, [])
    card.soracom.set(OP, 'jp', { bills: [], method: { providerType: 'WebPay', errorCode: 'success' } })
    expect(await withFacts(card, cardLink)).toMatchObject({
      outcome: { kind: 'guidance', guidance: { kind: 'invoice_reissue_no_invoice', cardPayment: true } },
    })
    expect([...zero.tickets.all(), ...card.tickets.all()]).toEqual([])
  })

  it('asks the user again what SORACOM could not tell, and when SORACOM is down', async () => {
    const deps = memoryDeps()
    const link = await linked(deps, [])
    expect(await withFacts(deps, link)).toMatchObject({ kind: 'still_unanswered' })
    deps.soracom.set(OP, 'jp', { bills: [], fail: 'soracom_unreachable' })
    expect(await withFacts(deps, link)).toEqual({ kind: 'soracom_failed', reason: 'unreachable' })
  })

  it('asks SORACOM whether a direct-debit requester pays by invoice; a request for both coverages asks the user', async () => {
    const deps = memoryDeps()
    const link = await linked(deps, [bill('2026-10', 100, { paymentStatus: 'delegated_to_third_party' })])
    const ddDraft = {
      operatorId: OP,
      coverage: 'jp' as const,
      accountType: 'corporate' as const,
      consent: true,
    }
    expect(await planDirectDebit(deps, ddDraft)).toEqual({ kind: 'ask_soracom', link })
    expect(await planDirectDebit(deps, { ...ddDraft, coverage: 'both' })).toMatchObject({ kind: 'invalid' })
    const checked = await requestDirectDebitWithFacts(deps, {
      draft: ddDraft,
      link,
      origin: ORIGIN,
      viewId: 'V0009',
    })
    expect(checked).toMatchObject({ kind: 'decided', outcome: { kind: 'stored' } })
  })
})

describe('checkLinkedOperators', () => {
  it('raises one payment-error alert and checklist for a failed payment however often it runs, and closes it once paid', async () => {
    const deps = memoryDeps()
    await linked(deps, [bill('2026-10', 28734, { paymentStatus: 'fail' })])
    await checkLinkedOperators(deps)
    await checkLinkedOperators(deps)
    const failed = deps.checklists.all().filter((c) => c.cause?.kind === 'bill_failed')
    expect(failed).toHaveLength(1)
    expect(deps.notifier.posts.filter((p) => p.origin.channel === 'C0ALERTS').length).toBeGreaterThan(0)

    deps.soracom.set(OP, 'jp', {
      bills: [bill('2026-10', 28734, { paymentStatus: 'paid' })],
      method: { providerType: 'NP' },
    })
    const report = await checkLinkedOperators(deps)
    expect(report.closed).toBe(1)
    expect(deps.checklists.get(failed[0]?.id ?? '')?.closed?.reason).toBe('bill_paid')
  })

  it('goes on with the other operators when one fails, and counts it', async () => {
    const deps = memoryDeps()
    await linked(deps)
    deps.soracom.set(OP, 'jp', { bills: [], fail: 'soracom_unreachable' })
    const report = await checkLinkedOperators(deps)
    expect(report).toMatchObject({ checked: 0, failed: 1 })
  })
})

describe('the SORACOM facts and failures the flows rely on', () => {
  it('reads how a linked operator pays from its newest finalized bill and the method on file', async () => {
    const deps = memoryDeps()
    const link = await linked(deps, [
      bill('2026-09', 1),
      bill('2026-10', 2, { paymentStatus: 'delegated_to_third_party' }),
    ])
    expect(await lookupPaymentMethod(deps, link)).toMatchObject({
      paymentMethod: 'invoice',
      newest: { month: '2026-10' },
    })
    expect(await lookupReissueFacts(deps, link, '2026-09' as YearMonth)).toMatchObject({
      amountZero: 'no',
      couponCovered: false,
    })
  })

  it('tells SORACOM failures from bugs: only the port’s codes are failures to show', () => {
    expect(asSoracomFailure(Object.assign(new Error('x'), { code: 'soracom_not_found' }))).toBe('refused')
    expect(asSoracomFailure(new TypeError('a bug'))).toBeUndefined()
  })

  it('asks for the questions SORACOM cannot answer only when the operator typed has no link', async () => {
    const deps = memoryDeps()
    const rules = { questions: { payment_method: 'paymentMethod' as const } }
    expect(await unansweredWithoutLink(deps, rules, { operator_id: 'op0123456789' })).toEqual({
      payment_method: { code: 'unanswered' },
    })
    await linked(deps)
    expect(await unansweredWithoutLink(deps, rules, { operator_id: 'op0123456789' })).toEqual({})
    expect(await unansweredWithoutLink(deps, rules, { operator_id: OP, payment_method: 'card' })).toEqual({})
  })
})
