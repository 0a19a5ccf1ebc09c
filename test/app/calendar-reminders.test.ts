import { describe, expect, it } from 'vitest'
import { calendarReminderText } from '../../src/app/reminders.js'
import {
  CALENDAR_PAYMENT_METHODS,
  type CalendarPaymentMethod,
  planCalendarReminders,
} from '../../src/domain/calendar-subscription.js'
import type { PlainDate } from '../../src/domain/plain-date.js'
import { createRenderer } from '../../src/render/templates.js'

const renderer = createRenderer()

/** A year of one channel's calendar reminders, as the channel would read them. */
function yearOfReminders(paymentMethod: CalendarPaymentMethod): string[] {
  return planCalendarReminders(
    'C0BILLING',
    '2027-01-01' as PlainDate,
    '2027-12-31' as PlainDate,
    paymentMethod,
  ).map((plan) => calendarReminderText(renderer, plan, paymentMethod))
}

/** What is true only of a company paying invoices by bank transfer (§3.3, §3.4.2). */
const TRANSFER_ONLY = [/お振り込み/, /振込/, /入金口座/]
/** What is true only of invoice payers at all: a card payer has no invoice and no SORACOM deadline (§4.1.1). */
const INVOICE_ONLY = [
  /請求書は[^。]*発行され/,
  /支払期限/,
  /請求書メール/,
  /コンビニ払込票/,
  ...TRANSFER_ONLY,
]

describe('a year of calendar reminders says only what is true of the way the channel pays (issue 24; domain.md, decided 2026-11)', () => {
  it('sends a card channel nothing about invoices, deadlines or transfers (§4.1.1)', () => {
    const texts = yearOfReminders('card')
    expect(texts.length).toBeGreaterThanOrEqual(12)
    for (const text of texts) for (const pattern of INVOICE_ONLY) expect(text).not.toMatch(pattern)
    expect(texts[0]).toContain('翌月初めにカード会社へ請求')
  })

  it('tells a コンビニ払込票 channel the slip comes by post with the invoice — no mail to search, no transfer (§3.6)', () => {
    const texts = yearOfReminders('konbini')
    for (const text of texts) {
      for (const pattern of TRANSFER_ONLY) expect(text).not.toMatch(pattern)
      expect(text).not.toContain('請求書メールを件名で検索')
    }
    expect(texts.some((t) => t.includes('コンビニ払込票が同封'))).toBe(true)
  })

  it('gives a 口座振替 channel no debit date the guide does not give, and no transfer to make (§3.5, §3.5.1)', () => {
    const texts = yearOfReminders('direct_debit')
    for (const text of texts) {
      for (const pattern of TRANSFER_ONLY) expect(text).not.toMatch(pattern)
      expect(text).not.toMatch(/期限に引き落とされ|請求額が引き落とされ/)
    }
    expect(texts.some((t) => t.includes('ネットプロテクションズ社からの案内'))).toBe(true)
  })

  it('asks invoice payers to transfer to the account on the invoice (§3.4.2)', () => {
    expect(yearOfReminders('invoice').some((t) => t.includes('請求書に記載の口座へお振り込みください'))).toBe(
      true,
    )
  })

  it('says Net Protections gets in touch by mail or phone after a payment error, and the desk is where to ask (§3.8.1)', () => {
    for (const method of CALENDAR_PAYMENT_METHODS) {
      for (const text of yearOfReminders(method).filter((t) => t.includes('支払いエラー'))) {
        expect(text).toContain('ネットプロテクションズ社からメールか電話で連絡があります')
        expect(text).not.toContain('から届きます')
      }
    }
  })

  it('calls a deadline on 31 December a 銀行休業日, with a space before the month after 「は」 (domain.md)', () => {
    const texts = yearOfReminders('invoice')
    // 2027-11 usage: due 31 Dec 2027, a Friday the banks close.
    expect(texts.some((t) => t.includes('2027年12月31日(金) は銀行休業日です'))).toBe(true)
    for (const text of texts) expect(text).not.toMatch(/は\d/)
  })
})
