import type { ChecklistKind } from '../domain/checklist.js'
import { LOGIN_RECOVERY_MAIL } from '../domain/guided-requests.js'
import { NP_MYPAGE_URL } from '../domain/invoice-merge.js'
import { NP_SUPPORT_DESK } from './contacts.js'

/** One step of a checklist as the user reads it; the domain knows it by its key. */
export interface ChecklistStep {
  key: string
  title: string
  detail: string
}

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

/** The steps of アカウントの退会 (§6.4), in the order they must be done. */
export const ACCOUNT_DELETION_STEPS: readonly ChecklistStep[] = [
  {
    key: 'sims_cancelled',
    title: 'すべての SIM を解約する（§6.4.1）',
    detail:
      'ユーザーコンソールの SIM 一覧で対象の SIM にチェック → 「操作」 → 「解約」。有効期限を設定して後日解約することもできます。',
  },
  {
    key: 'services_cancelled',
    title: 'SIM 以外のサービスをすべて解約する（§6.4.2）',
    detail:
      'Sigfox、Virtual Private Gateway (VPG)、SORACOM LTE-M Button powered by AWS、その他の有料サービス。すべて解約されたかは https://soracom.zendesk.com/hc/ja/articles/360050858631 で確認できます。',
  },
  {
    key: 'payments_complete',
    title: 'すべての支払いを完了する',
    detail:
      '月末締め・翌月払いのため、解約日までの利用料は翌月に請求されます。最終請求の支払いが済むまで退会できません。',
  },
  {
    key: 'account_deleted',
    title: 'アカウントを削除する',
    detail:
      'ユーザーコンソール → 右上の「サポート」 → 「アカウントの削除」 → すべての項目が OK なら「アカウントを削除する」。',
  },
]

/** Warnings the checklist message always carries (§6.2, §6.3, §6.4). */
export const ACCOUNT_DELETION_WARNINGS = [
  '一度解約した SIM を再度登録することはできません。',
  '未使用の SIM は、状態が「準備完了 (ready)」の間だけ別のアカウントへ譲渡できます。一度でも通信すると「使用中 (active)」になり、譲渡できなくなります。',
  'アカウントそのものを第三者へ譲渡することはできません。',
  'アカウントは一度削除すると二度と復活できません。削除の前に、ご利用状況をもう一度確認してください（参考: https://soracom.zendesk.com/hc/ja/articles/217917958 ）。',
] as const

/** The self-service steps of §3.4.3 ②, in order. */
export const BANK_ACCOUNT_MERGE_STEPS: readonly ChecklistStep[] = [
  {
    key: 'mypage_registered',
    title: 'NP 掛け払いマイページに登録する',
    detail: `${NP_MYPAGE_URL} から登録します。ソラコムでは手続きできません。`,
  },
  {
    key: 'keys_found',
    title: 'まとめたい請求書それぞれの「紐づけキー」を確認する',
    detail: '紐づけキーは各請求書に記載されています。',
  },
  {
    key: 'keys_registered',
    title: 'マイページで各請求書の紐づけキーを登録する',
    detail: '最初に登録した紐づけキーの請求書の口座番号が、今後まとめて支払う代表口座番号になります。',
  },
  {
    key: 'account_confirmed',
    title: '今後届く請求書で口座番号がまとまっていることを確認する',
    detail: '次回以降の請求書の入金口座がすべて代表口座番号になっていれば完了です。',
  },
]

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
function loginRecoverySteps(loginEmailUsable: boolean): ChecklistStep[] {
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

/** Every checklist's steps, in order, as the user reads them (the domain's CHECKLIST_DEFINITIONS give the keys). */
export const CHECKLIST_STEPS: Record<ChecklistKind, readonly ChecklistStep[]> = {
  account_deletion: ACCOUNT_DELETION_STEPS,
  bank_account_merge: BANK_ACCOUNT_MERGE_STEPS,
  payment_error_card: PAYMENT_ERROR_CARD_STEPS,
  payment_error_card_individual: PAYMENT_ERROR_CARD_INDIVIDUAL_STEPS,
  payment_error_invoice: PAYMENT_ERROR_INVOICE_STEPS,
  // The new-address step is there only when the login address is unusable: the stored items say which.
  login_recovery: loginRecoverySteps(false),
}
