import { z } from 'zod'
import type { AppDeps } from '../../app/deps.js'
import { startAccountDeletion } from '../../app/start-account-deletion.js'
import { type AccountDeletionRequest, DELETION_PAYMENT_METHODS } from '../../domain/account-deletion.js'
import { FORM_ERRORS } from '../../render/form-errors.js'
import { operatorIdField, plainDateField } from '../fields.js'
import { submission, type ViewListener } from './submission.js'

export const accountDeletionForm = z
  .object({
    operator_id: operatorIdField,
    cancel_date: plainDateField(FORM_ERRORS.cancelDate),
    payment_method: z.enum(DELETION_PAYMENT_METHODS).optional(),
  })
  .transform(
    (f): AccountDeletionRequest => ({
      operatorId: f.operator_id,
      cancelDate: f.cancel_date,
      ...(f.payment_method ? { paymentMethod: f.payment_method } : {}),
    }),
  )

/** view_submission of the deletion modal: the ordered checklist with the final invoice's dates (§6.4). */
export const accountDeletionSubmission = (deps: AppDeps): ViewListener =>
  submission(deps, accountDeletionForm, (input) => startAccountDeletion(deps, input))
