import { PAYMENT_METHOD_ERROR_LABELS, PAYMENT_STATUS_LABELS } from './bill.js'
import type { ChecklistStep } from './checklist.js'
import { NP_SUPPORT_DESK } from './contacts.js'
import { type Coverage, coverageLabel } from './coverage.js'

/**
 * 決済エラーになった場合の対応 (§3.8.1), as checklists: for card payment the guide's steps —
 * check the coverage, update the card (expired or over the limit) or register another means
 * (a card that can no longer be used), then re-pay from 支払い状況; for invoice payment NP
 * contacts the customer and the customer pays as NP says.
 */
const CONSOLE_PAYMENT = 'ユーザーコンソール右上のメールアドレス → 「お支払い方法」'

const COVERAGE_STEP: ChecklistStep = {
  key: 'coverage',
  title: 'カバレッジを確認する',
  detail:
    'クレジットカードはカバレッジ（日本 / グローバル）ごとに登録します。ユーザーコンソール右上のカバレッジがエラーになったカバレッジと同じか確かめ、違えば切り替えます。両方のカバレッジを使っているなら、それぞれで確認します。',
}

const REPAY_STEP: ChecklistStep = {
  key: 'repay',
  title: '再決済する',
  detail: `${CONSOLE_PAYMENT} → 画面右の「決済エラー」 → 内容を確認して「有効化」。参考: https://soracom.zendesk.com/hc/ja/articles/115007113828`,
}

export const PAYMENT_ERROR_CARD_STEPS: readonly ChecklistStep[] = [
  COVERAGE_STEP,
  {
    key: 'card',
    title: 'カード情報を更新する',
    detail: `有効期限切れなら新しいカード情報に更新するか別のカードを登録し（${CONSOLE_PAYMENT} → 「クレジットカード情報を更新」）、限度額の超過ならカード会社で限度額を引き上げます。カードがもう使えないときは、別のクレジットカードを登録するか、請求書払いなど他のお支払い方法に切り替えます（法人アカウント）。`,
  },
  REPAY_STEP,
]

/** Individual accounts have no other means than a card (§3.8.1 ②). */
export const PAYMENT_ERROR_CARD_INDIVIDUAL_STEPS: readonly ChecklistStep[] = [
  COVERAGE_STEP,
  {
    key: 'card',
    title: 'カード情報を更新する',
    detail: `有効期限切れなら新しいカード情報に更新するか別のカードを登録し（${CONSOLE_PAYMENT} → 「クレジットカード情報を更新」）、限度額の超過ならカード会社で限度額を引き上げます。個人アカウントはクレジットカード以外のお支払い方法がないため、カードがもう使えないときは別の有効なカードを登録します。`,
  },
  REPAY_STEP,
]

export const PAYMENT_ERROR_INVOICE_STEPS: readonly ChecklistStep[] = [
  {
    key: 'np_contact',
    title: 'ネットプロテクションズ社からの連絡を確認する',
    detail:
      '請求書払いの決済エラーは、ネットプロテクションズ社からメールか電話で連絡があります。請求書の送付先メールアドレスと、登録している電話番号への連絡を確認します。',
  },
  {
    key: 'pay',
    title: 'NP の案内どおりに支払う',
    detail: '連絡に書かれた金額・期日・支払い方法で支払います。',
  },
  {
    key: 'np_desk',
    title: '不明な点は NP 掛け払いサポートデスクに問い合わせる',
    detail: `決済エラーの詳細はネットプロテクションズ社が案内します: ${NP_SUPPORT_DESK.name} ${NP_SUPPORT_DESK.tel}（${NP_SUPPORT_DESK.hours}）/ ${NP_SUPPORT_DESK.mail}`,
  },
]

/** What started a payment-error checklist: SORACOM's API (an alert) or the user (SORACOM's mail). */
export type PaymentErrorCause =
  | { kind: 'bill_failed'; month: string }
  | { kind: 'card_error'; errorCode: string }
  | { kind: 'reported' }

/** The cause in Japanese, for the alert and the checklist's header (mrkdwn: only our own words and checked IDs). */
export function paymentErrorCauseText(
  cause: PaymentErrorCause,
  target: { operatorId: string; coverage: Coverage },
): string {
  const who = `${target.operatorId}（${coverageLabel(target.coverage)}）`
  switch (cause.kind) {
    case 'bill_failed': {
      const [year, month] = cause.month.split('-')
      return `${who}の ${year}年${Number(month)}月ご利用分の支払いが「${PAYMENT_STATUS_LABELS.fail}」になっています。`
    }
    case 'card_error':
      return `${who}に登録されているクレジットカードで決済できません: ${PAYMENT_METHOD_ERROR_LABELS[cause.errorCode] ?? '決済できない状態です'}（\`${cause.errorCode.replace(/[^a-z_]/g, '')}\`）。`
    case 'reported':
      return `${who}で SORACOM から支払いエラーの連絡がありました。`
  }
}
