import { describe, expect, it } from 'vitest'
import {
  type Bill,
  PAYMENT_STATUSES,
  paymentMethodFailing,
  paymentMethodFromFacts,
  reissueFacts,
} from '../../src/domain/bill.js'
import type { YearMonth } from '../../src/domain/plain-date.js'
import { changeAgainst, formatAmount, PAYMENT_STATUS_LABELS } from '../../src/render/labels.js'

const bill = (over: Partial<Bill> = {}): Bill => ({
  month: '2022-08' as YearMonth,
  amount: 28734,
  currency: 'JPY',
  state: 'closed',
  ...over,
})

describe('bills as SORACOM reports them', () => {
  it('writes yen with separators and other currencies as billed', () => {
    expect(formatAmount(28734, 'JPY')).toBe('28,734 円')
    expect(formatAmount(0, 'JPY')).toBe('0 円')
    expect(formatAmount(1234.5, 'USD')).toBe('1,234.50 USD')
    expect(formatAmount(9.9, 'EUR')).toBe('9.90 EUR')
  })

  it('labels every payment status of the API reference in Japanese', () => {
    expect(PAYMENT_STATUSES).toHaveLength(13)
    for (const status of PAYMENT_STATUSES) expect(PAYMENT_STATUS_LABELS[status]).toMatch(/[ぁ-んァ-ヶ一-龠]/)
    expect(PAYMENT_STATUS_LABELS.delegated_to_third_party).toContain('NP')
  })

  it('says 最低請求金額未満 with the status page §4.4 points to, and claims no carry-over the guide does not make', () => {
    expect(PAYMENT_STATUS_LABELS.lessThanMinimumCharge).toContain('最低請求金額未満')
    expect(PAYMENT_STATUS_LABELS.lessThanMinimumCharge).toContain(
      'https://soracom.zendesk.com/hc/ja/articles/360029337031',
    )
    expect(PAYMENT_STATUS_LABELS.lessThanMinimumCharge).not.toContain('繰り越')
  })

  it('names Net Protections\u2019 product as the guide does, NP 掛け払い — never NP 後払い, another product (§3.3.1)', () => {
    for (const label of Object.values(PAYMENT_STATUS_LABELS)) expect(label).not.toContain('後払い')
    expect(PAYMENT_STATUS_LABELS.delegated_to_third_party).toContain('NP 掛け払い')
  })

  it('compares with the month before only when it means something', () => {
    expect(changeAgainst(bill(), bill({ amount: 27842 }))).toBe('+3.2 %')
    expect(changeAgainst(bill({ amount: 100 }), bill({ amount: 200 }))).toBe('-50.0 %')
    expect(changeAgainst(bill(), bill())).toBe('±0.0 %')
    expect(changeAgainst(bill(), undefined)).toBeUndefined()
    expect(changeAgainst(bill(), bill({ amount: 0 }))).toBeUndefined()
    expect(changeAgainst(bill(), bill({ currency: 'USD' }))).toBeUndefined()
  })

  it('tells invoice from card payment, and a failing card', () => {
    expect(
      paymentMethodFromFacts(bill({ paymentStatus: 'delegated_to_third_party' }), { providerType: 'WebPay' }),
    ).toBe('invoice')
    expect(paymentMethodFromFacts(bill({ paymentStatus: 'paid' }), { providerType: 'WebPay' })).toBe('card')
    expect(paymentMethodFromFacts(undefined, undefined)).toBeUndefined()
    expect(paymentMethodFailing({ errorCode: 'card_declined' })).toBe(true)
    expect(paymentMethodFailing({ errorCode: 'success' })).toBe(false)
    expect(paymentMethodFailing({ errorCode: 'processing' })).toBe(false)
    expect(paymentMethodFailing(undefined)).toBe(false)
  })

  it('answers the amount question only from a finalized month, and sees a coupon-covered one', () => {
    const base = {
      operatorId: 'OP0123456789',
      coverage: 'jp' as const,
      month: '2022-08' as YearMonth,
      method: undefined,
    }
    expect(reissueFacts({ ...base, bill: bill({ amount: 0, couponAmount: 500 }) })).toMatchObject({
      amountZero: 'yes',
      couponCovered: true,
    })
    expect(reissueFacts({ ...base, bill: bill() })).toMatchObject({ amountZero: 'no', couponCovered: false })
    expect(
      reissueFacts({ ...base, bill: bill({ amount: 0, state: 'temporary' }) }).amountZero,
    ).toBeUndefined()
    expect(reissueFacts({ ...base, bill: undefined }).amountZero).toBeUndefined()
  })
})
