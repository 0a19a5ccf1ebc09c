import { z } from 'zod'
import type { AppDeps } from '../../app/deps.js'
import {
  directDebitQuestionsLeft,
  planDirectDebit,
  requestDirectDebit,
  requestDirectDebitWithFacts,
} from '../../app/request-direct-debit.js'
import { ACCOUNT_TYPES } from '../../domain/account.js'
import { COVERAGE_SELECTIONS } from '../../domain/coverage.js'
import { type DirectDebitDraft, INVOICE_PAYMENT_STATES } from '../../domain/direct-debit.js'
import { FORM_ERRORS } from '../../render/form-errors.js'
import { directDebitFactView } from '../../render/modals/direct-debit.js'
import { UNANSWERED_TEXT } from '../../render/problems.js'
import { operatorIdField } from '../fields.js'
import { factCheckedSubmission } from './fact-checked.js'
import type { ViewListener } from './submission.js'

const INVOICE_PAYMENT_MISSING = UNANSWERED_TEXT.invoice_payment

/** The modal's fields, keyed by block_id; whether invoice payment is active may be left to SORACOM. */
export const directDebitDraftForm = z
  .object({
    operator_id: operatorIdField,
    coverage: z.enum(COVERAGE_SELECTIONS, {
      error: FORM_ERRORS.coverageAny,
    }),
    account_type: z.enum(ACCOUNT_TYPES, { error: FORM_ERRORS.accountType }),
    invoice_payment: z.enum(INVOICE_PAYMENT_STATES, { error: INVOICE_PAYMENT_MISSING }).optional(),
    consent: z
      .array(z.string())
      .optional()
      .transform((values) => values?.includes('agree') ?? false),
  })
  .transform(
    (f): DirectDebitDraft => ({
      operatorId: f.operator_id,
      coverage: f.coverage,
      accountType: f.account_type,
      invoicePayment: f.invoice_payment,
      consent: f.consent,
    }),
  )

/**
 * view_submission of the direct-debit modal (flow 3, §3.5). For a linked operator (one coverage)
 * SORACOM says whether it pays by invoice already (口座振替 needs 請求書払い first) or by card.
 */
export const directDebitSubmission = (deps: AppDeps): ViewListener =>
  factCheckedSubmission(deps, {
    form: directDebitDraftForm,
    questionsLeft: (raw) => directDebitQuestionsLeft(deps, raw),
    plan: (draft) => planDirectDebit(deps, draft),
    run: (input) => requestDirectDebit(deps, input),
    withFacts: (input) => requestDirectDebitWithFacts(deps, input),
    view: directDebitFactView,
  })
