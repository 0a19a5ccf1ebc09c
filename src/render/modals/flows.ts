import type { ModalView } from '@slack/types'
import { accountDeletionModal } from './account-deletion.js'
import { directDebitModal } from './direct-debit.js'
import {
  bankAccountInquiryModal,
  companyNameChangeModal,
  invoiceApplicationModal,
  loginRecoveryModal,
} from './guided.js'
import { invoiceMergeModal } from './invoice-merge.js'
import { invoiceReissueModal } from './invoice-reissue.js'
import { paymentErrorModal } from './payment-error.js'

type Values<F extends (args: never) => ModalView> = Omit<Parameters<F>[0], 'privateMetadata'>

/** What a flow's modal opens with (app/prefill-flow.ts decides it): the flow and its pre-filled answers. */
export type FlowPrefill =
  | ({ flow: 'invoice_reissue' } & Values<typeof invoiceReissueModal>)
  | ({ flow: 'invoice_merge' } & Values<typeof invoiceMergeModal>)
  | ({ flow: 'direct_debit' } & Values<typeof directDebitModal>)
  | ({ flow: 'payment_error' } & Values<typeof paymentErrorModal>)
  | ({ flow: 'invoice_application_check' } & Values<typeof invoiceApplicationModal>)
  | ({ flow: 'login_recovery' } & Values<typeof loginRecoveryModal>)
  | ({ flow: 'bank_account_inquiry' } & Values<typeof bankAccountInquiryModal>)
  | ({ flow: 'company_name_change' } & Values<typeof companyNameChangeModal>)
  | ({ flow: 'account_deletion' } & Values<typeof accountDeletionModal>)

/** The flow's modal with its pre-filled answers; `privateMetadata` remembers where it was opened. */
export function flowModalView(prefill: FlowPrefill, privateMetadata: string): ModalView {
  const { flow: _flow, ...values } = prefill
  switch (prefill.flow) {
    case 'invoice_reissue':
      return invoiceReissueModal({ ...(values as Values<typeof invoiceReissueModal>), privateMetadata })
    case 'invoice_merge':
      return invoiceMergeModal({ ...(values as Values<typeof invoiceMergeModal>), privateMetadata })
    case 'direct_debit':
      return directDebitModal({ ...(values as Values<typeof directDebitModal>), privateMetadata })
    case 'payment_error':
      return paymentErrorModal({ ...(values as Values<typeof paymentErrorModal>), privateMetadata })
    case 'invoice_application_check':
      return invoiceApplicationModal({ ...values, privateMetadata })
    case 'login_recovery':
      return loginRecoveryModal({ ...values, privateMetadata })
    case 'bank_account_inquiry':
      return bankAccountInquiryModal({ ...values, privateMetadata })
    case 'company_name_change':
      return companyNameChangeModal({ ...values, privateMetadata })
    case 'account_deletion':
      return accountDeletionModal({ ...(values as Values<typeof accountDeletionModal>), privateMetadata })
  }
}
