import { INVOICE_PAYMENT_APPLICATION_URL } from '../domain/contacts.js'
import type { Guidance } from '../domain/outcomes.js'
import { CAUSE_TEXT } from './guide-text.js'
import { usageMonthLabel } from './labels.js'
import { guidanceMessage, REISSUE_REMIND_ACTION, type SlackMessage } from './messages.js'
import type { Renderer } from './templates.js'
import { reissueGuidanceModel } from './ticket-models.js'
import { formatJpDate } from './time.js'

/** The message of a flow that ended without a record: its template, the notification text, its buttons. */
export function renderGuidance(renderer: Renderer, guidance: Guidance): SlackMessage {
  switch (guidance.kind) {
    case 'invoice_reissue_no_invoice':
      return guidanceMessage(
        renderer.guidance('invoice-reissue-no-invoice', {
          ...reissueGuidanceModel(guidance.context),
          zeroAmount: guidance.zeroAmount,
          cardPayment: guidance.cardPayment,
        }),
        `${usageMonthLabel(guidance.context.dates.usageMonth)}ご利用分の請求書は発行されません`,
      )
    case 'invoice_reissue_too_early':
      return guidanceMessage(
        renderer.guidance('invoice-reissue-too-early', {
          ...reissueGuidanceModel(guidance.context),
          expectedOn: guidance.expectedOn,
          waitUntil: guidance.waitUntil,
          remindOn: guidance.remindOn,
          issued: guidance.issued,
        }),
        `${formatJpDate(guidance.waitUntil)} までは請求書が届いていなくても遅れではありません`,
        [
          {
            actionId: REISSUE_REMIND_ACTION,
            text: `${formatJpDate(guidance.remindOn)} にリマインド`,
            value: JSON.stringify({
              operatorId: guidance.context.operatorId,
              usageMonth: guidance.usageMonth,
              remindOn: guidance.remindOn,
            }),
            style: 'primary',
          },
        ],
      )
    case 'direct_debit_ineligible':
      return guidanceMessage(
        renderer.guidance(
          guidance.reason === 'individual_account'
            ? 'direct-debit-individual-account'
            : 'direct-debit-invoice-payment-required',
          { operatorId: guidance.operatorId, applicationUrl: INVOICE_PAYMENT_APPLICATION_URL },
        ),
        `口座振替はまだ申し込めません（${guidance.operatorId}）`,
      )
    case 'bank_account_too_early':
      return guidanceMessage(
        renderer.guidance('bank-account-too-early', {
          operatorId: guidance.operatorId,
          applicationUrl: INVOICE_PAYMENT_APPLICATION_URL,
        }),
        `入金口座はまだ開設されていません（${guidance.operatorId}）`,
      )
    case 'company_name_change_not_possible':
      return guidanceMessage(
        renderer.guidance('company-name-change-not-possible', { operatorId: guidance.operatorId }),
        `この社名変更は依頼できません（${guidance.operatorId}）`,
      )
    case 'invoice_application_diagnosis':
      return guidanceMessage(
        renderer.guidance('invoice-application-diagnosis', {
          findings: guidance.causes.map((cause) => CAUSE_TEXT[cause]),
          applicationUrl: INVOICE_PAYMENT_APPLICATION_URL,
        }),
        '請求書払いの申請で止まった原因と直し方',
      )
  }
}
