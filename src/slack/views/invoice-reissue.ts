import { z } from 'zod'
import type { AppDeps } from '../../app/deps.js'
import { requestReissue } from '../../app/request-reissue.js'
import { DESTINATIONS } from '../../domain/contacts.js'
import { COVERAGES } from '../../domain/coverage.js'
import {
  AMOUNT_ZERO_ANSWERS,
  DELIVERIES,
  type InvoiceReissueRequest,
  REISSUE_CHECKS,
  REISSUE_PAYMENT_METHODS,
} from '../../domain/invoice-reissue.js'
import { operatorIdField, optionalTextField, yearMonthField } from '../fields.js'
import { submission, type ViewListener } from './submission.js'

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
    company_name: optionalTextField(100, '会社名は 100 文字以内で入力してください。'),
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
      companyName: f.company_name,
    }),
  )

/** view_submission of the reissue modal: the §3.4.1 checks, then a ticket only when one is due. */
export const invoiceReissueSubmission = (deps: AppDeps): ViewListener =>
  submission(invoiceReissueForm, (input) => requestReissue(deps, input))
