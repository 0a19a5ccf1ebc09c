import type { FieldProblem, FieldProblems } from '../domain/outcomes.js'
import type { ParseProblem } from '../domain/result.js'
import { usageMonthLabel } from './labels.js'
import { ADMINS_ONLY_TEXT } from './refusals.js'
import { formatJpDate } from './time.js'

/** What SORACOM could answer, asked of the user when there is no linked operator to ask (by block_id). */
export const UNANSWERED_TEXT: Readonly<Record<string, string>> = {
  payment_method: 'お支払い方法を「請求書払い」か「クレジットカード」から選んでください。',
  amount_zero: 'その月の請求金額が 0 円だったかを「はい」「いいえ」「わからない」から選んでください。',
  invoice_payment: '請求書払いを利用中かどうかを選んでください。',
}

/** One field's problem as the line under it. */
export function problemText(blockId: string, problem: FieldProblem): string {
  switch (problem.code) {
    case 'unanswered':
      return UNANSWERED_TEXT[blockId] ?? '選んでください。'
    case 'usage_month_in_future':
      return `ご利用月に未来の月は指定できません。${usageMonthLabel(problem.latest)}以前の月を入力してください（例: ${problem.latest}）。`
    case 'company_name_required_for_np':
      return 'NP 掛け払いサポートデスクへの依頼には会社名が必要です（NP は会社名で購入企業を確認します）。NP に登録している会社名を入力してください。'
    case 'consent_required':
      return '口座振替の依頼には注意点への同意が必要です。内容を確認して「上記の注意点に同意します」にチェックを入れてください。'
    case 'same_company_name':
      return '変更後の社名が現在の社名と同じです。新しい社名を入力してください。'
    case 'merge_target_missing':
      return `統合先のオペレーター ID（請求書を受け取るアカウント）を 1 つ入力してください（${OPERATOR_ID_SHAPE}）。`
    case 'merge_target_in_sources':
      return `統合先 ${problem.target} が統合元にも入っています。統合先は統合元とは別のオペレーター ID を 1 つだけ指定してください。`
    case 'cancel_date_out_of_range':
      return `解約予定日は ${formatJpDate(problem.earliest)} から ${formatJpDate(problem.latest)} までの日付を選んでください。`
    case 'individual_pays_by_card':
      return problem.context === 'registration'
        ? '個人アカウントのお支払い方法はクレジットカードのみです（§3.1）。請求書払い・口座振替・コンビニ払込票は法人アカウントで利用できます。'
        : '個人アカウントのお支払い方法はクレジットカードのみです（§3.1）。請求書払いの連絡なら、アカウント区分を確かめてください。'
    case 'operator_registered_by_other':
      return `${problem.operatorId} はほかのメンバーが登録済みです。変更できるのは登録した本人か管理者だけです。`
    case 'admins_only':
      return ADMINS_ONLY_TEXT
    case 'auth_key_refused':
      return 'SORACOM がこの認証キーを受け付けませんでした。認証キー ID とシークレットを確かめて、もう一度入力してください。'
    case 'auth_key_of_other_operator':
      return `この認証キーはオペレーター ${problem.keyOperator} のものです。${problem.operatorId} の SAM ユーザーの認証キーを使うか、オペレーター ID を直してください。`
    case 'auth_key_missing_permissions':
      return `この認証キーの SAM ユーザーには ${problem.permissions.join('、')} の権限がありません。README「SORACOM 連携」の権限を SAM ユーザーに設定してから、もう一度連携してください。`
    case 'too_long':
      return `${problem.max} 文字以内で入力してください。`
  }
}

/** Slack's `response_action: errors` map. */
export function fieldErrors(problems: FieldProblems): Record<string, string> {
  return Object.fromEntries(
    Object.entries(problems).map(([blockId, p]) => [blockId, problemText(blockId, p)]),
  )
}

/** How the operator ID is written, in the lines that ask for one. */
export const OPERATOR_ID_SHAPE = 'OP に続く数字 10 桁（例: OP0123456789）'

/** What was wrong with a typed value (the domain's parsers), as the line under the field. */
export function parseProblemText(problem: ParseProblem): string {
  switch (problem.code) {
    case 'operator_id_missing':
      return `オペレーター ID を入力してください。${OPERATOR_ID_SHAPE}です。`
    case 'operator_id_too_long':
      return `オペレーター ID が長すぎます。${OPERATOR_ID_SHAPE}を入力してください。`
    case 'operator_id_malformed':
      return `「${problem.typed}」はオペレーター ID の形式ではありません。${OPERATOR_ID_SHAPE}を入力してください。`
    case 'operator_ids_missing':
      return `オペレーター ID を 1 つ以上入力してください（${OPERATOR_ID_SHAPE}）。`
    case 'operator_ids_malformed': {
      const shown = problem.bad
        .slice(0, 3)
        .map((b) => `「${b}」`)
        .join('')
      const more = problem.bad.length > 3 ? ` ほか ${problem.bad.length - 3} 件` : ''
      return `${shown}${more}はオペレーター ID の形式ではありません。${OPERATOR_ID_SHAPE}を改行・カンマ・空白で区切って入力してください。`
    }
    case 'operator_ids_too_many':
      return `一度にまとめられるのは ${problem.max} 件までです。分けて依頼してください。`
    case 'year_month_malformed':
      return 'ご利用月は YYYY-MM の形で入力してください（例: 2027-04）。'
    case 'plain_date_malformed':
      return '日付は YYYY-MM-DD の形で、実在する日を指定してください（例: 2027-04-30）。'
  }
}
