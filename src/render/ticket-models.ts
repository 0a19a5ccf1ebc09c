import type { DirectDebitRequest } from '../domain/direct-debit.js'
import type { BankAccountInquiryRequest, CompanyNameChangeRequest } from '../domain/guided-requests.js'
import { checksFor, type InvoiceReissueRequest, type ReissueContext } from '../domain/invoice-reissue.js'
import {
  AMOUNT_LABELS,
  coverageLabel,
  DELIVERY_LABELS,
  dateLabel,
  NAME_CHANGE_REASON_LABELS,
  npInvoiceMailSubject,
  reissueCheckLabel,
  reissueCheckTodo,
  usageMonthLabel,
} from './labels.js'

/**
 * The view models of `templates/tickets/*.njk`: the request's codes and values in the words of
 * the guide's documented formats. The domain decided; this only words it.
 */

/** The address left blank, in a ticket to SORACOM (who can read the registered one). */
export const ADDRESS_NOT_GIVEN = '未記入（ユーザーコンソールの「お支払い方法」に登録している送付先）'
/** The same, to NP: NP has no access to SORACOM's console (domain.md, decided 2026-11). */
export const ADDRESS_NOT_GIVEN_NP = '未記入（NP に登録されている送付先）'

/** 「請求書の再発行」 to SORACOM or NP (§3.4.1). */
export function reissueTicketModel(
  request: InvoiceReissueRequest,
  decided: { context: ReissueContext; companyName: string; address: string | undefined },
) {
  const { dates } = decided.context
  return {
    kind: 'invoice_reissue' as const,
    destination: request.destination,
    operatorId: request.operatorId,
    coverageLabel: coverageLabel(request.coverage),
    usageMonthLabel: usageMonthLabel(request.usageMonth),
    closingDateLabel: dateLabel(dates.closingDate),
    deliveryLabel: DELIVERY_LABELS[request.delivery],
    address: decided.address ?? (request.destination === 'np' ? ADDRESS_NOT_GIVEN_NP : ADDRESS_NOT_GIVEN),
    npMailSubject: npInvoiceMailSubject(request.usageMonth),
    doneCheckLabels: checksFor(request.delivery)
      .filter((c) => request.checks.includes(c))
      .map(reissueCheckLabel),
    amountLabel: AMOUNT_LABELS[request.amountZero],
    companyName: decided.companyName,
  }
}

/** The view model every reissue message shares: the month's calendar, NP's subject, checks left. */
export function reissueGuidanceModel(context: ReissueContext) {
  return {
    operatorId: context.operatorId,
    usageMonthLabel: usageMonthLabel(context.dates.usageMonth),
    dates: context.dates,
    npMailSubject: npInvoiceMailSubject(context.dates.usageMonth),
    delivery: context.delivery,
    pendingCheckLabels: context.pendingChecks.map(reissueCheckTodo),
  }
}

/** 「口座振替の希望」 (§3.5.1 「口座振替依頼のフォーマット」). */
export const directDebitTicketModel = (request: DirectDebitRequest) => ({
  kind: 'direct_debit' as const,
  destination: 'soracom' as const,
  operatorId: request.operatorId,
  coverageLabel: coverageLabel(request.coverage),
  consentLabel: '同意' as const,
})

/** §3.4.2: the bank account before the first invoice. */
export const bankAccountInquiryTicketModel = (request: BankAccountInquiryRequest) => ({
  operatorId: request.operatorId,
  coverageLabel: coverageLabel(request.coverage),
})

/** §3.3.2 / §6.2: a company-name change (the names as the domain cleaned them). */
export const companyNameChangeTicketModel = (
  request: CompanyNameChangeRequest,
  names: { currentName: string; newName: string },
) => ({
  operatorId: request.operatorId,
  currentName: names.currentName,
  newName: names.newName,
  reasonLabel: NAME_CHANGE_REASON_LABELS[request.reason],
})
