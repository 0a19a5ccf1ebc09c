import type { ViewSubmitAction } from '@slack/bolt'
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
import { dispatcher, idPattern, type Route } from '../dispatch.js'
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
import type { ViewListener } from './submission.js'
import { ticketReferenceSubmission } from './ticket-reference.js'

/** Every modal's view_submission, by its callback_id. */
export const VIEW_ROUTES: ReadonlyArray<Route<ViewListener>> = [
  [INVOICE_REISSUE_CALLBACK_ID, (deps) => invoiceReissueSubmission(deps)],
  [INVOICE_MERGE_CALLBACK_ID, (deps) => invoiceMergeSubmission(deps)],
  [DIRECT_DEBIT_CALLBACK_ID, (deps) => directDebitSubmission(deps)],
  [ACCOUNT_DELETION_CALLBACK_ID, (deps) => accountDeletionSubmission(deps)],
  [OPERATOR_REGISTER_CALLBACK_ID, (deps) => operatorRegisterSubmission(deps)],
  [TICKET_REFERENCE_CALLBACK_ID, (deps) => ticketReferenceSubmission(deps)],
  [CALENDAR_SUBSCRIBE_CALLBACK_ID, (deps) => calendarSubscribeSubmission(deps)],
  [OPERATOR_LINK_CALLBACK_ID, (deps) => operatorLinkSubmission(deps)],
  [PAYMENT_ERROR_CALLBACK_ID, (deps) => paymentErrorSubmission(deps)],
  [BANK_ACCOUNT_INQUIRY_CALLBACK_ID, (deps) => bankAccountInquirySubmission(deps)],
  [COMPANY_NAME_CHANGE_CALLBACK_ID, (deps) => companyNameChangeSubmission(deps)],
  [LOGIN_RECOVERY_CALLBACK_ID, (deps) => loginRecoverySubmission(deps)],
  [INVOICE_APPLICATION_CALLBACK_ID, (deps) => invoiceApplicationSubmission(deps)],
]

/** One Bolt listener for every modal, dispatching by callback_id (slack/dispatch.ts says why). */
export function registerViews(app: BotApp): void {
  app.view<ViewSubmitAction>(
    { type: 'view_submission', callback_id: idPattern(VIEW_ROUTES) },
    dispatcher(VIEW_ROUTES, (args) => args.view.callback_id),
  )
}
