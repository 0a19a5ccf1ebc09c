import type { ModalView } from '@slack/types'
import { describe, expect, it } from 'vitest'
import { accountDeletionModal } from '../../src/render/modals/account-deletion.js'
import { calendarSubscribeModal } from '../../src/render/modals/calendar-subscribe.js'
import { directDebitModal } from '../../src/render/modals/direct-debit.js'
import {
  bankAccountInquiryModal,
  companyNameChangeModal,
  invoiceApplicationModal,
  loginRecoveryModal,
} from '../../src/render/modals/guided.js'
import { invoiceMergeModal } from '../../src/render/modals/invoice-merge.js'
import { invoiceReissueModal } from '../../src/render/modals/invoice-reissue.js'
import { operatorModal } from '../../src/render/modals/operator.js'
import { operatorLinkModal } from '../../src/render/modals/operator-link.js'
import { paymentErrorModal } from '../../src/render/modals/payment-error.js'

const meta = { privateMetadata: '{}' }
const MODALS: Array<[string, ModalView]> = [
  ['invoice reissue', invoiceReissueModal({ ...meta, usageMonth: '2026-10' })],
  ['invoice merge', invoiceMergeModal(meta)],
  ['direct debit', directDebitModal(meta)],
  ['account deletion', accountDeletionModal({ ...meta, today: '2026-11-26' })],
  ['calendar', calendarSubscribeModal(meta)],
  ['bank account', bankAccountInquiryModal(meta)],
  ['company name', companyNameChangeModal(meta)],
  ['login recovery', loginRecoveryModal(meta)],
  ['application errors', invoiceApplicationModal(meta)],
  ['operators', operatorModal(meta)],
  ['SORACOM link', operatorLinkModal(meta)],
  ['payment error', paymentErrorModal(meta)],
]

type Input = { type: string; optional?: boolean; label?: { text: string }; hint?: { text: string } }
const inputs = (view: ModalView) => (view.blocks as Input[]).filter((b) => b.type === 'input')

describe('modal labels read right once Slack marks optional fields (issue 24)', () => {
  it.each(MODALS)('%s: no optional field calls itself required in its label', (_name, view) => {
    for (const input of inputs(view).filter((i) => i.optional))
      expect(input.label?.text).not.toContain('必須')
  })

  it('asks for the company name without 「（…必須）（任意）」, saying when it is needed in the hint', () => {
    const company = inputs(MODALS[0]?.[1] as ModalView).find((i) => i.label?.text.startsWith('会社名'))
    expect(company?.label?.text).toBe('会社名')
    expect(company?.hint?.text).toContain('依頼先が NP のときは必須')
  })

  it.each(MODALS)(
    '%s: speaks in the bot\u2019s voice, not SORACOM\u2019s (ご案内します, 承れません)',
    (_name, view) => {
      expect(JSON.stringify(view)).not.toMatch(/ご案内します|承れ|お客様/)
    },
  )
})
