import { z } from 'zod'
import type { AppDeps } from '../../app/deps.js'
import { requestDirectDebit } from '../../app/request-direct-debit.js'
import { ACCOUNT_TYPES } from '../../domain/account.js'
import { COVERAGE_SELECTIONS } from '../../domain/coverage.js'
import { type DirectDebitRequest, INVOICE_PAYMENT_STATES } from '../../domain/direct-debit.js'
import { operatorIdField } from '../fields.js'
import { submission, type ViewListener } from './submission.js'

/** The modal's fields, keyed by block_id, into the domain's request. */
export const directDebitForm = z
  .object({
    operator_id: operatorIdField,
    coverage: z.enum(COVERAGE_SELECTIONS, {
      error: 'カバレッジを「日本」「グローバル」「両方」から選んでください。',
    }),
    account_type: z.enum(ACCOUNT_TYPES, { error: 'アカウント区分を「法人」か「個人」から選んでください。' }),
    invoice_payment: z.enum(INVOICE_PAYMENT_STATES, {
      error: '請求書払いを利用中かどうかを選んでください。',
    }),
    consent: z
      .array(z.string())
      .optional()
      .transform((values) => values?.includes('agree') ?? false),
  })
  .transform(
    (f): DirectDebitRequest => ({
      operatorId: f.operator_id,
      coverage: f.coverage,
      accountType: f.account_type,
      invoicePayment: f.invoice_payment,
      consent: f.consent,
    }),
  )

/** view_submission of the direct-debit modal (flow 3, §3.5). */
export const directDebitSubmission = (deps: AppDeps): ViewListener =>
  submission(directDebitForm, (input) => requestDirectDebit(deps, input))
