import type { ModalView } from '@slack/types'
import { GUIDE_FLOWS, type GuideFlow } from '../domain/guide.js'
import { normalizeOperatorId, parseOperatorId } from '../domain/operator-id.js'
import { operatorToPrefill } from '../domain/operator-registry.js'
import { addMonths, tokyoDate, yearMonthOf } from '../domain/plain-date.js'
import { accountDeletionModal } from '../render/modals/account-deletion.js'
import { directDebitModal } from '../render/modals/direct-debit.js'
import {
  bankAccountInquiryModal,
  companyNameChangeModal,
  invoiceApplicationModal,
  loginRecoveryModal,
} from '../render/modals/guided.js'
import { invoiceMergeModal } from '../render/modals/invoice-merge.js'
import { invoiceReissueModal } from '../render/modals/invoice-reissue.js'
import { paymentErrorModal } from '../render/modals/payment-error.js'
import type { AppDeps } from './deps.js'

/** Every chore with a modal: the four flows, the payment error and the guide's guided requests. */
export const FLOWS = GUIDE_FLOWS
export type Flow = GuideFlow

/** Text after a slash command that pre-fills the operator ID: normalised when valid, else shown as typed. */
export function operatorIdPrefill(commandText: string): string | undefined {
  const text = commandText.trim().split(/\s+/)[0] ?? ''
  if (text === '') return undefined
  const result = parseOperatorId(text)
  return result.ok ? result.value : normalizeOperatorId(text).slice(0, 100)
}

/**
 * A flow's modal, pre-filled from what the user typed after the command and what the company
 * registered (`/billing operators`), whether it was opened by a slash command or from App Home.
 */
export function flowModal(
  deps: Pick<AppDeps, 'operators' | 'clock' | 'links'>,
  flow: Flow,
  request: { text: string; privateMetadata: string },
): ModalView {
  const { text, privateMetadata } = request
  const typed = operatorIdPrefill(text)
  const known = operatorToPrefill(typed, deps.operators.list())
  const today = tokyoDate(deps.clock.now())
  switch (flow) {
    case 'invoice_reissue':
      return invoiceReissueModal({
        operatorId: typed ?? known?.operatorId,
        coverage: known && known.coverage !== 'both' ? known.coverage : undefined,
        paymentMethod: known ? (known.paymentMethod === 'card' ? 'card' : 'invoice') : undefined,
        usageMonth: addMonths(yearMonthOf(today), -1),
        privateMetadata,
        soracomAnswers: deps.links.list().length > 0,
      })
    case 'invoice_merge':
      return invoiceMergeModal({ sources: text.trim().slice(0, 2000) || undefined, privateMetadata })
    case 'direct_debit':
      return directDebitModal({
        operatorId: typed ?? known?.operatorId,
        accountType: known?.accountType,
        invoicePayment: known ? (known.paymentMethod === 'card' ? 'not_yet' : 'active') : undefined,
        privateMetadata,
        soracomAnswers: deps.links.list().length > 0,
      })
    case 'payment_error': {
      const linked = deps.links.list().find((l) => l.operatorId === (typed ?? known?.operatorId))
      return paymentErrorModal({
        operatorId: typed ?? known?.operatorId,
        coverage: linked?.coverage ?? (known && known.coverage !== 'both' ? known.coverage : undefined),
        paymentMethod: known ? (known.paymentMethod === 'card' ? 'card' : 'invoice') : undefined,
        accountType: known?.accountType,
        privateMetadata,
      })
    }
    case 'invoice_application_check':
      return invoiceApplicationModal({ privateMetadata })
    case 'login_recovery':
      return loginRecoveryModal({ operatorId: typed ?? known?.operatorId, privateMetadata })
    case 'bank_account_inquiry':
      return bankAccountInquiryModal({ operatorId: typed ?? known?.operatorId, privateMetadata })
    case 'company_name_change':
      return companyNameChangeModal({ operatorId: typed ?? known?.operatorId, privateMetadata })
    case 'account_deletion':
      return accountDeletionModal({
        operatorId: typed ?? operatorToPrefill(undefined, deps.operators.list())?.operatorId,
        today,
        privateMetadata,
      })
  }
}
