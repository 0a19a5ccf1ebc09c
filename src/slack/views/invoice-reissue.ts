import { z } from 'zod'
import type { AppDeps } from '../../app/deps.js'
import {
  planReissue,
  reissueQuestionsLeft,
  requestReissue,
  requestReissueWithFacts,
} from '../../app/request-reissue.js'
import { DESTINATIONS } from '../../domain/contacts.js'
import { COVERAGES } from '../../domain/coverage.js'
import {
  AMOUNT_ZERO_ANSWERS,
  DELIVERIES,
  type InvoiceReissueDraft,
  REISSUE_CHECKS,
  REISSUE_PAYMENT_METHODS,
} from '../../domain/invoice-reissue.js'
import { FORM_ERRORS } from '../../render/form-errors.js'
import { invoiceReissueFactView } from '../../render/modals/invoice-reissue.js'
import { UNANSWERED_TEXT } from '../../render/problems.js'
import { operatorIdField, optionalTextField, yearMonthField } from '../fields.js'
import { factCheckedSubmission } from './fact-checked.js'
import type { ViewListener } from './submission.js'

const PAYMENT_METHOD_MISSING = UNANSWERED_TEXT.payment_method
const AMOUNT_ZERO_MISSING = UNANSWERED_TEXT.amount_zero

/**
 * The modal's fields. The payment method and the amount may be left empty: SORACOM answers them
 * for a linked operator; for any other, they are required (inline errors).
 */
export const invoiceReissueDraftForm = z
  .object({
    operator_id: operatorIdField,
    coverage: z.enum(COVERAGES, { error: FORM_ERRORS.coverageOne }),
    usage_month: yearMonthField,
    payment_method: z.enum(REISSUE_PAYMENT_METHODS, { error: PAYMENT_METHOD_MISSING }).optional(),
    delivery: z.enum(DELIVERIES, { error: FORM_ERRORS.delivery }),
    address: optionalTextField(300, FORM_ERRORS.addressTooLong),
    amount_zero: z.enum(AMOUNT_ZERO_ANSWERS, { error: AMOUNT_ZERO_MISSING }).optional(),
    checks: z
      .array(z.enum(REISSUE_CHECKS, { error: FORM_ERRORS.reissueChecks }))
      .optional()
      .transform((v) => v ?? []),
    company_name: optionalTextField(100, FORM_ERRORS.companyNameTooLong),
    destination: z.enum(DESTINATIONS, {
      error: FORM_ERRORS.destination,
    }),
  })
  .transform(
    (f): InvoiceReissueDraft => ({
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

/**
 * view_submission of the reissue modal: the §3.4.1 checks, then a ticket only when one is due.
 * For a linked operator SORACOM says whether the month was 0 yen and whether it is paid by card.
 */
export const invoiceReissueSubmission = (deps: AppDeps): ViewListener =>
  factCheckedSubmission(deps, {
    form: invoiceReissueDraftForm,
    questionsLeft: (raw) => reissueQuestionsLeft(deps, raw),
    plan: (draft) => planReissue(deps, draft),
    run: (input) => requestReissue(deps, input),
    withFacts: (input) => requestReissueWithFacts(deps, input),
    view: invoiceReissueFactView,
  })
