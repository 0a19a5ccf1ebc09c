import type { CoverageSelection } from './coverage.js'
import type { OperatorId } from './operator-id.js'

/**
 * The guide's remaining chores that end in a request to SORACOM (domain.md "More chores of the
 * guide"): the bank account before the first invoice (§3.4.2), a company-name change (§3.3.2,
 * §6.2), and the login recovery (§7.3).
 */

// --- §3.4.2 入金口座を事前に確認したい ---

export interface BankAccountInquiryRequest {
  operatorId: OperatorId
  coverage: CoverageSelection
  /** The 「請求書払いの切替完了メール」 has arrived: the account exists a few business days later. */
  switchMailReceived: boolean
}

export type BankAccountInquiryOutcome = { kind: 'too_early'; operatorId: OperatorId } | { kind: 'ticket' }

/** The account is opened a few business days after the switch mail: before it, there is nothing to tell. */
export function evaluateBankAccountInquiry(request: BankAccountInquiryRequest): BankAccountInquiryOutcome {
  if (!request.switchMailReceived) return { kind: 'too_early', operatorId: request.operatorId }
  return { kind: 'ticket' }
}

// --- §3.3.2 / §6.2 社名変更 ---

export const NAME_CHANGE_REASONS = ['trade_name', 'merger', 'transfer'] as const
export type NameChangeReason = (typeof NAME_CHANGE_REASONS)[number]

export interface CompanyNameChangeRequest {
  operatorId: OperatorId
  reason: NameChangeReason
  currentName: string
  newName: string
}

export type CompanyNameChangeOutcome =
  | { kind: 'not_possible'; operatorId: OperatorId }
  /** The new name is the current one. */
  | { kind: 'invalid'; field: 'newName' }
  | {
      kind: 'ticket'
      /** The names, cleaned of extra spaces. */
      names: { currentName: string; newName: string }
    }

/**
 * A company-name change is checked by SORACOM and NP, so it is a support request; a change whose
 * purpose is handing the account to a third party cannot be made (§6.2).
 */
export function evaluateCompanyNameChange(request: CompanyNameChangeRequest): CompanyNameChangeOutcome {
  if (request.reason === 'transfer') return { kind: 'not_possible', operatorId: request.operatorId }
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim()
  if (clean(request.newName) === clean(request.currentName)) return { kind: 'invalid', field: 'newName' }
  return {
    kind: 'ticket',
    names: { currentName: clean(request.currentName), newName: clean(request.newName) },
  }
}

// --- §7.3 ログイン情報がわからなくなった ---

export const LOGIN_RECOVERY_MAIL = 'contact-us@soracom.jp'

/** §7.3: the documents, the new login address (only when the old one is unusable), the mail, the reset. */
export const LOGIN_RECOVERY_STEP_KEYS = [
  'id_document',
  'relation_document',
  'invoices',
  'new_email',
  'mail_sent',
  'password_reset',
] as const

/** The login recovery's steps; with an unusable login address, the new one goes in the mail too. */
export function loginRecoverySteps(loginEmailUsable: boolean): string[] {
  return LOGIN_RECOVERY_STEP_KEYS.filter((key) => key !== 'new_email' || !loginEmailUsable)
}
