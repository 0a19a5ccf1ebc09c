import { z } from 'zod'
import type { AppDeps } from '../../app/deps.js'
import { requestDirectDebit } from '../../app/request-direct-debit.js'
import { lookupPaymentMethod } from '../../app/soracom-facts.js'
import { ACCOUNT_TYPES } from '../../domain/account.js'
import { COVERAGE_SELECTIONS } from '../../domain/coverage.js'
import { type DirectDebitRequest, INVOICE_PAYMENT_STATES } from '../../domain/direct-debit.js'
import { paymentMethodFactText } from '../../render/bill.js'
import { directDebitModal } from '../../render/modals/direct-debit.js'
import { operatorIdField } from '../fields.js'
import { factCheckedSubmission } from './fact-checked.js'
import type { ViewListener } from './submission.js'

const INVOICE_PAYMENT_MISSING = '請求書払いを利用中かどうかを選んでください。'

/** The modal's fields, keyed by block_id; whether invoice payment is active may be left to SORACOM. */
export const directDebitDraftForm = z
  .object({
    operator_id: operatorIdField,
    coverage: z.enum(COVERAGE_SELECTIONS, {
      error: 'カバレッジを「日本」「グローバル」「両方」から選んでください。',
    }),
    account_type: z.enum(ACCOUNT_TYPES, { error: 'アカウント区分を「法人」か「個人」から選んでください。' }),
    invoice_payment: z.enum(INVOICE_PAYMENT_STATES, { error: INVOICE_PAYMENT_MISSING }).optional(),
    consent: z
      .array(z.string())
      .optional()
      .transform((values) => values?.includes('agree') ?? false),
  })
  .transform((f) => ({
    operatorId: f.operator_id,
    coverage: f.coverage,
    accountType: f.account_type,
    invoicePayment: f.invoice_payment,
    consent: f.consent,
  }))

/**
 * view_submission of the direct-debit modal (flow 3, §3.5). For a linked operator (one coverage)
 * SORACOM says whether it pays by invoice already (口座振替 needs 請求書払い first) or by card.
 */
export const directDebitSubmission = (deps: AppDeps): ViewListener =>
  factCheckedSubmission(deps, {
    title: '口座振替の依頼',
    form: directDebitDraftForm,
    answered: (d): DirectDebitRequest | undefined =>
      d.invoicePayment ? { ...d, invoicePayment: d.invoicePayment } : undefined,
    questions: { invoice_payment: INVOICE_PAYMENT_MISSING },
    linkOf: (d) => (d.coverage === 'both' ? undefined : deps.links.get(d.operatorId, d.coverage)),
    lookup: (link) => lookupPaymentMethod(deps, link),
    complete: (d, facts) => {
      const invoicePayment =
        facts.paymentMethod === 'invoice'
          ? 'active'
          : facts.paymentMethod === 'card'
            ? 'not_yet'
            : d.invoicePayment
      return invoicePayment ? { ...d, invoicePayment } : undefined
    },
    found: (facts) => paymentMethodFactText(facts.paymentMethod),
    run: (input) => requestDirectDebit(deps, input),
    summary: (request) =>
      request.invoicePayment === 'active'
        ? '結果をチャンネルに投稿しました。'
        : '口座振替の前に請求書払いへの切り替えが必要です。手順をチャンネルに投稿しました。',
    modal: (d, extra) =>
      directDebitModal({
        operatorId: d.operatorId,
        coverage: d.coverage,
        accountType: d.accountType,
        ...(d.invoicePayment ? { invoicePayment: d.invoicePayment } : {}),
        consent: d.consent,
        privateMetadata: extra.privateMetadata,
        soracomAnswers: !extra.ask,
        banner: extra.banner,
      }),
  })
