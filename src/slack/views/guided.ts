import { z } from 'zod'
import type { AppDeps } from '../../app/deps.js'
import {
  diagnoseApplication,
  type LoginRecoveryRequest,
  requestBankAccountInquiry,
  requestCompanyNameChange,
  startLoginRecovery,
} from '../../app/request-guided.js'
import { COVERAGE_SELECTIONS } from '../../domain/coverage.js'
import {
  type BankAccountInquiryRequest,
  type CompanyNameChangeRequest,
  NAME_CHANGE_REASONS,
} from '../../domain/guided-requests.js'
import type { InvoiceApplicationFacts } from '../../domain/invoice-application.js'
import { parseOperatorId } from '../../domain/operator-id.js'
import { FORM_ERRORS } from '../../render/form-errors.js'
import { operatorIdField, optionalTextField } from '../fields.js'
import { submission, type ViewListener } from './submission.js'

const requiredText = (max: number, missing: string) =>
  z
    .string({ error: missing })
    .transform((v) => v.replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(1, { error: missing })
        .max(max, { error: FORM_ERRORS.tooLong(max) }),
    )

export const bankAccountInquiryForm = z
  .object({
    operator_id: operatorIdField,
    coverage: z.enum(COVERAGE_SELECTIONS, {
      error: FORM_ERRORS.coverageAny,
    }),
    switch_mail: z.enum(['yes', 'no'], { error: FORM_ERRORS.switchMail }),
  })
  .transform(
    (f): BankAccountInquiryRequest => ({
      operatorId: f.operator_id,
      coverage: f.coverage,
      switchMailReceived: f.switch_mail === 'yes',
    }),
  )

export const companyNameChangeForm = z
  .object({
    operator_id: operatorIdField,
    reason: z.enum(NAME_CHANGE_REASONS, { error: FORM_ERRORS.nameChangeReason }),
    current_name: requiredText(100, FORM_ERRORS.currentName),
    new_name: requiredText(100, FORM_ERRORS.newName),
  })
  .transform(
    (f): CompanyNameChangeRequest => ({
      operatorId: f.operator_id,
      reason: f.reason,
      currentName: f.current_name,
      newName: f.new_name,
    }),
  )

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export const loginRecoveryForm = z
  .object({
    company_name: requiredText(100, FORM_ERRORS.recoveryCompanyName),
    applicant: requiredText(60, FORM_ERRORS.applicant),
    operator_id: optionalTextField(100, FORM_ERRORS.operatorIdOptionalShape),
    email_usable: z.enum(['yes', 'no'], {
      error: FORM_ERRORS.emailUsable,
    }),
    new_email: optionalTextField(254, FORM_ERRORS.emailTooLong),
  })
  .superRefine((f, ctx) => {
    if (f.operator_id && !parseOperatorId(f.operator_id).ok)
      ctx.addIssue({
        code: 'custom',
        path: ['operator_id'],
        message: FORM_ERRORS.operatorIdOptionalMalformed,
      })
    if (f.email_usable === 'no' && !f.new_email)
      ctx.addIssue({
        code: 'custom',
        path: ['new_email'],
        message: FORM_ERRORS.newEmailRequired,
      })
    if (f.new_email && !EMAIL.test(f.new_email))
      ctx.addIssue({
        code: 'custom',
        path: ['new_email'],
        message: FORM_ERRORS.emailShape,
      })
  })
  .transform((f): LoginRecoveryRequest => {
    const operator = f.operator_id ? parseOperatorId(f.operator_id) : undefined
    return {
      ...(operator?.ok ? { operatorId: operator.value } : {}),
      companyName: f.company_name,
      applicant: f.applicant,
      ...(f.email_usable === 'no' && f.new_email ? { newEmail: f.new_email } : {}),
    }
  })

/** §3.4.2: the bank-account inquiry to SORACOM. */
export const bankAccountInquirySubmission = (deps: AppDeps): ViewListener =>
  submission(deps, bankAccountInquiryForm, (input) => requestBankAccountInquiry(deps, input))

/** §3.3.2 / §6.2: the company-name change request to SORACOM. */
export const companyNameChangeSubmission = (deps: AppDeps): ViewListener =>
  submission(deps, companyNameChangeForm, (input) => requestCompanyNameChange(deps, input))

/** §7.3: the login-recovery checklist and mail. */
export const loginRecoverySubmission = (deps: AppDeps): ViewListener =>
  submission(deps, loginRecoveryForm, (input) => startLoginRecovery(deps, input))

export const invoiceApplicationForm = z
  .object({
    account_type: z.enum(['corporate', 'individual', 'unknown'], {
      error: FORM_ERRORS.accountTypeAny,
    }),
    email: z.enum(['company', 'free', 'other_domain'], { error: FORM_ERRORS.emailKind }),
    error: z.enum(['e1999507', 'other', 'none'], { error: FORM_ERRORS.applicationError }),
    postal_code: z.enum(['ordinary', 'large_office', 'business_reply'], {
      error: FORM_ERRORS.postalCode,
    }),
    prefecture: z.enum(['yes', 'no'], { error: FORM_ERRORS.prefecture }),
  })
  .transform(
    (f): InvoiceApplicationFacts => ({
      accountType: f.account_type,
      email: f.email,
      error: f.error,
      postalCode: f.postal_code,
      prefectureInAddress: f.prefecture === 'yes',
    }),
  )

/** §3.3.1: the causes that apply and their fixes, posted where the path started. */
export const invoiceApplicationSubmission = (deps: AppDeps): ViewListener =>
  submission(deps, invoiceApplicationForm, async ({ request, origin }) =>
    diagnoseApplication({ request, origin }),
  )
