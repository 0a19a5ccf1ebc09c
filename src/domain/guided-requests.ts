import type { ChecklistStep } from './checklist.js'
import { type CoverageSelection, coverageLabel } from './coverage.js'
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

export type BankAccountInquiryOutcome =
  | { kind: 'too_early'; operatorId: OperatorId }
  | { kind: 'ticket'; model: { operatorId: OperatorId; coverageLabel: string } }

/** The account is opened a few business days after the switch mail: before it, there is nothing to tell. */
export function evaluateBankAccountInquiry(request: BankAccountInquiryRequest): BankAccountInquiryOutcome {
  if (!request.switchMailReceived) return { kind: 'too_early', operatorId: request.operatorId }
  return {
    kind: 'ticket',
    model: { operatorId: request.operatorId, coverageLabel: coverageLabel(request.coverage) },
  }
}

// --- §3.3.2 / §6.2 社名変更 ---

export const NAME_CHANGE_REASONS = ['trade_name', 'merger', 'transfer'] as const
export type NameChangeReason = (typeof NAME_CHANGE_REASONS)[number]

export const NAME_CHANGE_REASON_LABELS: Record<NameChangeReason, string> = {
  trade_name: '商号変更',
  merger: '買収・合併',
  transfer: '第三者への譲渡',
}

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
      model: { operatorId: OperatorId; currentName: string; newName: string; reasonLabel: string }
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
    model: {
      operatorId: request.operatorId,
      currentName: clean(request.currentName),
      newName: clean(request.newName),
      reasonLabel: NAME_CHANGE_REASON_LABELS[request.reason],
    },
  }
}

// --- §7.3 ログイン情報がわからなくなった ---

export const LOGIN_RECOVERY_MAIL = 'contact-us@soracom.jp'

const LOGIN_RECOVERY_DOCUMENTS: readonly ChecklistStep[] = [
  {
    key: 'id_document',
    title: '申請者の身分証明書の写しを用意する',
    detail: '運転免許証や健康保険証など、申請する人の本人確認書類です。',
  },
  {
    key: 'relation_document',
    title: '会社との関係がわかるものの写しを用意する',
    detail: '社員証や名刺など、申請者がその会社の人だとわかるものです。',
  },
  {
    key: 'invoices',
    title: '直近 3 か月分の請求書を用意する',
    detail: 'アカウントの請求書 3 か月分の写しです。',
  },
]

const LOGIN_RECOVERY_AFTER: readonly ChecklistStep[] = [
  {
    key: 'mail_sent',
    title: `${LOGIN_RECOVERY_MAIL} へメールを送る`,
    detail: '上のメール文に書類の写しを添付して送ります。書類はソラコムで確認が済むと削除されます。',
  },
  {
    key: 'password_reset',
    title: 'パスワードを再設定する',
    detail:
      '返信で案内されたログイン用メールアドレスを、パスワード再設定画面（https://console.soracom.io/#/password_reset ）に入力すると、再設定のメールが届きます。ログイン後はリカバリメールアドレスの設定（§7.3.1）もおすすめです。',
  },
]

/** The login recovery's steps; with an unusable login address, the new one goes in the mail too. */
export function loginRecoverySteps(loginEmailUsable: boolean): ChecklistStep[] {
  return [
    ...LOGIN_RECOVERY_DOCUMENTS,
    ...(loginEmailUsable
      ? []
      : [
          {
            key: 'new_email',
            title: '新しいログイン用メールアドレスを決める',
            detail:
              '今のログイン用アドレスが退職などで使えないので、ソラコムに設定してもらうアドレスをメールに書きます。',
          },
        ]),
    ...LOGIN_RECOVERY_AFTER,
  ]
}
