import { z } from 'zod'
import { DESTINATIONS } from '../../domain/contacts.js'
import { COVERAGES } from '../../domain/coverage.js'
import {
  AMOUNT_ZERO_ANSWERS,
  DELIVERIES,
  evaluateInvoiceReissue,
  type InvoiceReissueRequest,
  REISSUE_CHECKS,
  REISSUE_PAYMENT_METHODS,
  reissueGuidanceModel,
} from '../../domain/invoice-reissue.js'
import { tokyoDate } from '../../domain/plain-date.js'
import { createTicket } from '../../domain/ticket.js'
import { guidanceMessage } from '../../render/messages.js'
import { INVOICE_REISSUE_CALLBACK_ID } from '../../render/modals/invoice-reissue.js'
import { REISSUE_REMIND_ACTION } from '../actions/reissue-remind.js'
import { saveAckAndPostTicket } from '../deliver.js'
import type { ListenerDeps } from '../deps.js'
import { operatorIdField, optionalTextField, yearMonthField } from '../fields.js'
import { postToOrigin } from '../post-message.js'
import { decodeOrigin } from '../private-metadata.js'
import type { Router } from '../router.js'
import { parseViewFields } from '../view-state.js'

export const invoiceReissueForm = z
  .object({
    operator_id: operatorIdField,
    coverage: z.enum(COVERAGES, { error: 'カバレッジを「日本」か「グローバル」から選んでください。' }),
    usage_month: yearMonthField,
    payment_method: z.enum(REISSUE_PAYMENT_METHODS, {
      error: 'お支払い方法を「請求書払い」か「クレジットカード」から選んでください。',
    }),
    delivery: z.enum(DELIVERIES, { error: '請求書の送付方法を「Eメール」か「郵送」から選んでください。' }),
    address: optionalTextField(300, '送付先は 300 文字以内で入力してください。'),
    amount_zero: z.enum(AMOUNT_ZERO_ANSWERS, {
      error: 'その月の請求金額が 0 円だったかを「はい」「いいえ」「わからない」から選んでください。',
    }),
    checks: z
      .array(z.enum(REISSUE_CHECKS, { error: '確認済みのことは一覧から選んでください。' }))
      .optional()
      .transform((v) => v ?? []),
    destination: z.enum(DESTINATIONS, {
      error: '依頼先を「ソラコムサポート窓口」か「NP 掛け払いサポートデスク」から選んでください。',
    }),
  })
  .transform(
    (f): InvoiceReissueRequest => ({
      operatorId: f.operator_id,
      coverage: f.coverage,
      usageMonth: f.usage_month,
      paymentMethod: f.payment_method,
      delivery: f.delivery,
      address: f.address,
      amountZero: f.amount_zero,
      checks: f.checks,
      destination: f.destination,
    }),
  )

/** view_submission of the reissue modal: the §3.4.1 checks, then a ticket only when one is due. */
export function registerInvoiceReissueSubmission(app: Router, deps: ListenerDeps): void {
  app.view(INVOICE_REISSUE_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const form = parseViewFields(invoiceReissueForm, view.state.values)
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: form.errors })
      return
    }
    const request = form.value
    const origin = decodeOrigin(view.private_metadata, body.user.id)
    const outcome = evaluateInvoiceReissue(request, tokyoDate(deps.clock.now()))
    switch (outcome.kind) {
      case 'invalid':
        await ack({ response_action: 'errors', errors: { usage_month: outcome.message } })
        return
      case 'no_invoice': {
        await ack()
        const text = deps.renderer.guidance('invoice-reissue-no-invoice', {
          ...reissueGuidanceModel(outcome.context),
          zeroAmount: outcome.reasons.includes('zero_amount'),
          cardPayment: outcome.reasons.includes('card_payment'),
        })
        await postToOrigin(
          client,
          origin,
          guidanceMessage(text, `${request.usageMonth} ご利用分の請求書は発行されません`),
        )
        return
      }
      case 'too_early': {
        await ack()
        const text = deps.renderer.guidance('invoice-reissue-too-early', {
          ...reissueGuidanceModel(outcome.context),
          expectedOn: outcome.expectedOn,
        })
        const remind = {
          actionId: REISSUE_REMIND_ACTION,
          text: '発行予定日にリマインド',
          value: JSON.stringify({ operatorId: request.operatorId, usageMonth: request.usageMonth }),
          style: 'primary' as const,
        }
        await postToOrigin(
          client,
          origin,
          guidanceMessage(text, `請求書の発行予定日は ${outcome.expectedOn} です（まだ遅れていません）`, [
            remind,
          ]),
        )
        return
      }
      case 'ticket': {
        const name = outcome.model.destination === 'np' ? 'invoice-reissue-np' : 'invoice-reissue-soracom'
        const ticket = createTicket(
          {
            kind: 'invoice_reissue',
            destination: request.destination,
            operatorId: request.operatorId,
            request: {
              coverage: request.coverage,
              usageMonth: request.usageMonth,
              paymentMethod: 'invoice',
              delivery: request.delivery,
              address: outcome.model.address,
              amountZero: request.amountZero,
              checks: request.checks,
            },
            requester: origin.user,
            channel: origin.channel,
          },
          deps.renderer.ticket(name, outcome.model),
          { id: deps.newId(), now: deps.clock.now() },
        )
        await saveAckAndPostTicket(deps, client, ack, origin, ticket, view.id)
        return
      }
    }
  })
}
