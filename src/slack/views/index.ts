import type { ViewSubmitAction } from '@slack/bolt'
import type { AppDeps } from '../../app/deps.js'
import { ACCOUNT_DELETION_CALLBACK_ID } from '../../render/modals/account-deletion.js'
import { CALENDAR_SUBSCRIBE_CALLBACK_ID } from '../../render/modals/calendar-subscribe.js'
import { DIRECT_DEBIT_CALLBACK_ID } from '../../render/modals/direct-debit.js'
import {
  BANK_ACCOUNT_INQUIRY_CALLBACK_ID,
  COMPANY_NAME_CHANGE_CALLBACK_ID,
  INVOICE_APPLICATION_CALLBACK_ID,
  LOGIN_RECOVERY_CALLBACK_ID,
} from '../../render/modals/guided.js'
import { INVOICE_MERGE_CALLBACK_ID } from '../../render/modals/invoice-merge.js'
import { INVOICE_REISSUE_CALLBACK_ID } from '../../render/modals/invoice-reissue.js'
import { OPERATOR_REGISTER_CALLBACK_ID } from '../../render/modals/operator.js'
import { OPERATOR_LINK_CALLBACK_ID } from '../../render/modals/operator-link.js'
import { PAYMENT_ERROR_CALLBACK_ID } from '../../render/modals/payment-error.js'
import { TICKET_REFERENCE_CALLBACK_ID } from '../../render/ticket.js'
import type { BotApp } from '../context.js'
import { accountDeletionSubmission } from './account-deletion.js'
import { calendarSubscribeSubmission } from './calendar-subscribe.js'
import { directDebitSubmission } from './direct-debit.js'
import {
  bankAccountInquirySubmission,
  companyNameChangeSubmission,
  invoiceApplicationSubmission,
  loginRecoverySubmission,
} from './guided.js'
import { invoiceMergeSubmission } from './invoice-merge.js'
import { invoiceReissueSubmission } from './invoice-reissue.js'
import { operatorLinkSubmission } from './operator-link.js'
import { operatorRegisterSubmission } from './operator-register.js'
import { paymentErrorSubmission } from './payment-error.js'
import { ticketReferenceSubmission } from './ticket-reference.js'

/** Every modal's view_submission, by its callback_id. */
export function registerViews(app: BotApp, deps: AppDeps): void {
  app.view<ViewSubmitAction>(INVOICE_REISSUE_CALLBACK_ID, invoiceReissueSubmission(deps))
  app.view<ViewSubmitAction>(INVOICE_MERGE_CALLBACK_ID, invoiceMergeSubmission(deps))
  app.view<ViewSubmitAction>(DIRECT_DEBIT_CALLBACK_ID, directDebitSubmission(deps))
  app.view<ViewSubmitAction>(ACCOUNT_DELETION_CALLBACK_ID, accountDeletionSubmission(deps))
  app.view<ViewSubmitAction>(OPERATOR_REGISTER_CALLBACK_ID, operatorRegisterSubmission(deps))
  app.view<ViewSubmitAction>(TICKET_REFERENCE_CALLBACK_ID, ticketReferenceSubmission(deps))
  app.view<ViewSubmitAction>(CALENDAR_SUBSCRIBE_CALLBACK_ID, calendarSubscribeSubmission(deps))
  app.view<ViewSubmitAction>(OPERATOR_LINK_CALLBACK_ID, operatorLinkSubmission(deps))
  app.view<ViewSubmitAction>(PAYMENT_ERROR_CALLBACK_ID, paymentErrorSubmission(deps))
  app.view<ViewSubmitAction>(BANK_ACCOUNT_INQUIRY_CALLBACK_ID, bankAccountInquirySubmission(deps))
  app.view<ViewSubmitAction>(COMPANY_NAME_CHANGE_CALLBACK_ID, companyNameChangeSubmission(deps))
  app.view<ViewSubmitAction>(LOGIN_RECOVERY_CALLBACK_ID, loginRecoverySubmission(deps))
  app.view<ViewSubmitAction>(INVOICE_APPLICATION_CALLBACK_ID, invoiceApplicationSubmission(deps))
}
