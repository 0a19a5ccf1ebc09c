import { z } from 'zod'
import type { AppDeps } from '../../app/deps.js'
import { type PaymentErrorRequest, startPaymentError } from '../../app/start-payment-error.js'
import { ACCOUNT_TYPES } from '../../domain/account.js'
import { COVERAGES } from '../../domain/coverage.js'
import { FORM_ERRORS } from '../../render/form-errors.js'
import { operatorIdField } from '../fields.js'
import { submission, type ViewListener } from './submission.js'

export const paymentErrorForm = z
  .object({
    operator_id: operatorIdField,
    coverage: z.enum(COVERAGES, {
      error: FORM_ERRORS.coverageOfError,
    }),
    payment_method: z.enum(['card', 'invoice'], {
      error: FORM_ERRORS.paymentMethodCardOrInvoice,
    }),
    account_type: z.enum(ACCOUNT_TYPES, { error: FORM_ERRORS.accountType }),
  })
  .transform(
    (f): PaymentErrorRequest => ({
      operatorId: f.operator_id,
      coverage: f.coverage,
      paymentMethod: f.payment_method,
      accountType: f.account_type,
    }),
  )

/** view_submission of the payment-error modal: the §3.8.1 checklist, posted where it started. */
export const paymentErrorSubmission = (deps: AppDeps): ViewListener =>
  submission(deps, paymentErrorForm, (input) => startPaymentError(deps, input))
