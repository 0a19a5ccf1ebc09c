import { z } from 'zod'
import type { AppDeps } from '../../app/deps.js'
import { requestReissue } from '../../app/request-reissue.js'
import { lookupReissueFacts } from '../../app/soracom-facts.js'
import { DESTINATIONS } from '../../domain/contacts.js'
import { COVERAGES } from '../../domain/coverage.js'
import {
  AMOUNT_ZERO_ANSWERS,
  DELIVERIES,
  evaluateInvoiceReissue,
  type InvoiceReissueRequest,
  REISSUE_CHECKS,
  REISSUE_PAYMENT_METHODS,
} from '../../domain/invoice-reissue.js'
import { tokyoDate } from '../../domain/plain-date.js'
import { reissueFactsText } from '../../render/bill.js'
import { invoiceReissueModal } from '../../render/modals/invoice-reissue.js'
import { operatorIdField, optionalTextField, yearMonthField } from '../fields.js'
import { factCheckedSubmission } from './fact-checked.js'
import type { ViewListener } from './submission.js'

const PAYMENT_METHOD_MISSING = 'お支払い方法を「請求書払い」か「クレジットカード」から選んでください。'
const AMOUNT_ZERO_MISSING =
  'その月の請求金額が 0 円だったかを「はい」「いいえ」「わからない」から選んでください。'

/**
 * The modal's fields. The payment method and the amount may be left empty: SORACOM answers them
 * for a linked operator; for any other, they are required (inline errors).
 */
export const invoiceReissueDraftForm = z
  .object({
    operator_id: operatorIdField,
    coverage: z.enum(COVERAGES, { error: 'カバレッジを「日本」か「グローバル」から選んでください。' }),
    usage_month: yearMonthField,
    payment_method: z.enum(REISSUE_PAYMENT_METHODS, { error: PAYMENT_METHOD_MISSING }).optional(),
    delivery: z.enum(DELIVERIES, { error: '請求書の送付方法を「Eメール」か「郵送」から選んでください。' }),
    address: optionalTextField(300, '送付先は 300 文字以内で入力してください。'),
    amount_zero: z.enum(AMOUNT_ZERO_ANSWERS, { error: AMOUNT_ZERO_MISSING }).optional(),
    checks: z
      .array(z.enum(REISSUE_CHECKS, { error: '確認済みのことは一覧から選んでください。' }))
      .optional()
      .transform((v) => v ?? []),
    company_name: optionalTextField(100, '会社名は 100 文字以内で入力してください。'),
    destination: z.enum(DESTINATIONS, {
      error: '依頼先を「ソラコムサポート窓口」か「NP 掛け払いサポートデスク」から選んでください。',
    }),
  })
  .transform((f) => ({
    operatorId: f.operator_id,
    coverage: f.coverage,
    usageMonth: f.usage_month,
    paymentMethod: f.payment_method,
    delivery: f.delivery,
    address: f.address,
    amountZero: f.amount_zero,
    checks: f.checks,
    destination: f.destination,
    companyName: f.company_name,
  }))

type Draft = z.infer<typeof invoiceReissueDraftForm>

function full(
  draft: Draft,
  facts: Pick<InvoiceReissueRequest, 'paymentMethod' | 'amountZero'>,
): InvoiceReissueRequest {
  return { ...draft, ...facts }
}

/**
 * view_submission of the reissue modal: the §3.4.1 checks, then a ticket only when one is due.
 * For a linked operator SORACOM says whether the month was 0 yen and whether it is paid by card.
 */
export const invoiceReissueSubmission = (deps: AppDeps): ViewListener =>
  factCheckedSubmission(deps, {
    title: '請求書の再発行',
    form: invoiceReissueDraftForm,
    answered: (d) =>
      d.paymentMethod && d.amountZero
        ? full(d, { paymentMethod: d.paymentMethod, amountZero: d.amountZero })
        : undefined,
    questions: { payment_method: PAYMENT_METHOD_MISSING, amount_zero: AMOUNT_ZERO_MISSING },
    linkOf: (d) => deps.links.get(d.operatorId, d.coverage),
    lookup: (link, d) => lookupReissueFacts(deps, link, d.usageMonth),
    complete: (d, facts) => {
      const amountZero = facts.amountZero ?? d.amountZero
      // A 0-yen month has no invoice however it is paid; a card payer none whatever the amount.
      const paymentMethod =
        facts.paymentMethod ?? d.paymentMethod ?? (amountZero === 'yes' ? 'invoice' : undefined)
      if (paymentMethod === 'card') return full(d, { paymentMethod, amountZero: amountZero ?? 'unknown' })
      return paymentMethod && amountZero ? full(d, { paymentMethod, amountZero }) : undefined
    },
    found: reissueFactsText,
    run: (input) => requestReissue(deps, input),
    summary: (request) => {
      switch (evaluateInvoiceReissue(request, tokyoDate(deps.clock.now())).kind) {
        case 'no_invoice':
          return 'この月の請求書は発行されないため、再発行の依頼は要りません。理由と代わりの書類をチャンネルに投稿しました。'
        case 'too_early':
          return '請求書はまだ遅れていません。いつから依頼できるかをチャンネルに投稿しました。'
        default:
          return '再発行の依頼文をチャンネルに投稿しました。'
      }
    },
    modal: (d, extra) =>
      invoiceReissueModal({
        operatorId: d.operatorId,
        coverage: d.coverage,
        usageMonth: d.usageMonth,
        ...(d.paymentMethod ? { paymentMethod: d.paymentMethod } : {}),
        delivery: d.delivery,
        ...(d.address ? { address: d.address } : {}),
        ...(d.amountZero ? { amountZero: d.amountZero } : {}),
        checks: d.checks,
        destination: d.destination,
        ...(d.companyName ? { companyName: d.companyName } : {}),
        privateMetadata: extra.privateMetadata,
        soracomAnswers: !extra.ask,
        banner: extra.banner,
      }),
  })
