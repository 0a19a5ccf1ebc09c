import { describe, expect, it } from 'vitest'
import {
  diagnoseInvoiceApplication,
  type InvoiceApplicationFacts,
} from '../../src/domain/invoice-application.js'
import { CAUSE_TEXT } from '../../src/render/guide-text.js'

const ok: InvoiceApplicationFacts = {
  accountType: 'corporate',
  email: 'company',
  error: 'e1999507',
  postalCode: 'ordinary',
  prefectureInAddress: false,
}

describe('invoice-payment application errors (§3.3.1)', () => {
  it('E1999507 with an ordinary code and no prefecture: ② the code and the address disagree', () => {
    expect(diagnoseInvoiceApplication(ok)).toEqual(['postal_code_mismatch'])
  })

  it('E1999507 with a large office or business-reply code: ① likelier; with the prefecture written: ③ — ② stays possible (§3.3.1)', () => {
    expect(diagnoseInvoiceApplication({ ...ok, postalCode: 'large_office' })).toEqual([
      'postal_code_not_in_database',
      'postal_code_mismatch',
    ])
    expect(
      diagnoseInvoiceApplication({ ...ok, postalCode: 'business_reply', prefectureInAddress: true }),
    ).toEqual(['postal_code_not_in_database', 'prefecture_in_address', 'postal_code_mismatch'])
    expect(diagnoseInvoiceApplication({ ...ok, prefectureInAddress: true })).toEqual([
      'prefecture_in_address',
      'postal_code_mismatch',
    ])
  })

  it('says cause ① with its condition — a large-office code not published on the internet — and as a possibility (§3.3.1)', () => {
    const { cause } = CAUSE_TEXT.postal_code_not_in_database
    expect(cause).toContain('インターネットへの掲載を希望していない大口事業所の個別番号')
    expect(cause).toContain('可能性')
  })

  it('refused applications: an individual account, an address that is not the company\u2019s', () => {
    expect(diagnoseInvoiceApplication({ ...ok, error: 'none', accountType: 'individual' })).toEqual([
      'individual_account',
    ])
    expect(diagnoseInvoiceApplication({ ...ok, error: 'none', email: 'free' })).toEqual(['email_not_company'])
    expect(
      diagnoseInvoiceApplication({ ...ok, error: 'none', email: 'other_domain', accountType: 'unknown' }),
    ).toEqual(['account_type_unknown', 'email_not_company'])
  })

  it('nothing the guide names: write to contact-us@soracom.jp', () => {
    expect(diagnoseInvoiceApplication({ ...ok, error: 'other' })).toEqual(['ask_soracom'])
    expect(diagnoseInvoiceApplication({ ...ok, error: 'none', accountType: 'unknown' })).toEqual([
      'account_type_unknown',
      'ask_soracom',
    ])
  })
})
