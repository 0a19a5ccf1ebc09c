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
        .max(max, { error: `${max} 文字以内で入力してください。` }),
    )

export const bankAccountInquiryForm = z
  .object({
    operator_id: operatorIdField,
    coverage: z.enum(COVERAGE_SELECTIONS, {
      error: 'カバレッジを「日本」「グローバル」「両方」から選んでください。',
    }),
    switch_mail: z.enum(['yes', 'no'], { error: '切替完了メールが届いているかを選んでください。' }),
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
    reason: z.enum(NAME_CHANGE_REASONS, { error: '変更の理由を選んでください。' }),
    current_name: requiredText(100, '現在の社名を入力してください。'),
    new_name: requiredText(100, '変更後の社名を入力してください。'),
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
    company_name: requiredText(100, '会社名を入力してください（メール文に入ります）。'),
    applicant: requiredText(60, '申請者の氏名を入力してください（メール文に入ります）。'),
    operator_id: optionalTextField(100, 'オペレーター ID は OP に続く数字 10 桁です。'),
    email_usable: z.enum(['yes', 'no'], {
      error: '今のログイン用メールアドレスが使えるかを選んでください。',
    }),
    new_email: optionalTextField(254, 'メールアドレスは 254 文字以内で入力してください。'),
  })
  .superRefine((f, ctx) => {
    if (f.operator_id && !parseOperatorId(f.operator_id).ok)
      ctx.addIssue({
        code: 'custom',
        path: ['operator_id'],
        message: 'オペレーター ID は OP に続く数字 10 桁です（わからなければ空欄で構いません）。',
      })
    if (f.email_usable === 'no' && !f.new_email)
      ctx.addIssue({
        code: 'custom',
        path: ['new_email'],
        message: '今のアドレスが使えないときは、新しいログイン用メールアドレスを入力してください。',
      })
    if (f.new_email && !EMAIL.test(f.new_email))
      ctx.addIssue({
        code: 'custom',
        path: ['new_email'],
        message: 'メールアドレスの形で入力してください（例: billing@example.co.jp）。',
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
      error: 'アカウント区分を選んでください。',
    }),
    email: z.enum(['company', 'free', 'other_domain'], { error: 'メールアドレスの種類を選んでください。' }),
    error: z.enum(['e1999507', 'other', 'none'], { error: '申請ページの表示を選んでください。' }),
    postal_code: z.enum(['ordinary', 'large_office', 'business_reply'], {
      error: '郵便番号の種類を選んでください。',
    }),
    prefecture: z.enum(['yes', 'no'], { error: '住所欄に都道府県を書いたかを選んでください。' }),
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
