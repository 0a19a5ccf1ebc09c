import { z } from 'zod'
import type { AppDeps } from '../../app/deps.js'
import { type OperatorRegistration, registerOperator } from '../../app/register-operator.js'
import { ACCOUNT_TYPES, PAYMENT_METHODS } from '../../domain/account.js'
import { COVERAGE_SELECTIONS } from '../../domain/coverage.js'
import { FORM_ERRORS } from '../../render/form-errors.js'
import { operatorIdField, optionalTextField } from '../fields.js'
import { submission, type ViewListener } from './submission.js'

export const operatorForm = z
  .object({
    operator_id: operatorIdField,
    name: optionalTextField(60, FORM_ERRORS.operatorNameTooLong),
    coverage: z.enum(COVERAGE_SELECTIONS, {
      error: FORM_ERRORS.coverageAny,
    }),
    account_type: z.enum(ACCOUNT_TYPES, { error: FORM_ERRORS.accountType }),
    payment_method: z.enum(PAYMENT_METHODS, { error: FORM_ERRORS.paymentMethod }),
  })
  .transform(
    (f): OperatorRegistration => ({
      operatorId: f.operator_id,
      ...(f.name ? { name: f.name } : {}),
      coverage: f.coverage,
      accountType: f.account_type,
      paymentMethod: f.payment_method,
    }),
  )

/** 「オペレーターを登録」's modal: stored (on disk before the modal closes), then confirmed. */
export const operatorRegisterSubmission = (deps: AppDeps): ViewListener =>
  submission(deps, operatorForm, (input) =>
    registerOperator(deps, { registration: input.request, origin: input.origin }),
  )
