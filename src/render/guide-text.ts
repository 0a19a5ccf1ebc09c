import type { Coverage } from '../domain/coverage.js'
import type { ApplicationCause } from '../domain/invoice-application.js'
import type { PaymentErrorCause } from '../domain/payment-error.js'
import { coverageLabel, PAYMENT_METHOD_ERROR_LABELS, PAYMENT_STATUS_LABELS } from './labels.js'

/** The guide's own words the messages carry: notes, processes, causes and fixes (§ numbers beside each). */

/** 注意点 the requester must agree to before asking for 口座振替 (§3.5). */
export const DIRECT_DEBIT_NOTES = [
  '口座振替を使うには、先にソラコムの請求書払いの申請が必要です。',
  'ネットプロテクションズ社へ預金口座振替依頼書を送る必要があります。',
  '口座振替への切り替えが完了するまで約 2 か月かかります。',
  '切り替えが完了するまでは、請求書で支払います。',
] as const

/** 手続きの流れ (§3.5.1); the ticket is step 3. */
export const DIRECT_DEBIT_PROCESS = [
  'ソラコムへ請求書払いを申請（すでに請求書払いを利用している場合は不要）',
  '与信審査通過後、請求書払いの切替完了メールが届く',
  'ソラコムサポート窓口へ口座振替希望を連絡（このチケット）',
  'ソラコムからネットプロテクションズ社へ口座振替への切替を依頼',
  'ネットプロテクションズ社から預金口座振替依頼書が届く（依頼から約 3 営業日）',
  '預金口座振替依頼書をネットプロテクションズ社へ返送',
  'ネットプロテクションズ社による審査',
  'ネットプロテクションズ社から審査結果の連絡（審査から切替完了まで約 2 か月）',
  '口座振替の開始',
] as const

export const CAUSE_TEXT: Record<ApplicationCause, { cause: string; fix: string }> = {
  individual_account: {
    cause: '個人アカウントは請求書払いを申請できません（法人アカウントのみ）。',
    fix: '個人アカウントを法人アカウントに変えることはできません。請求書払いを使うには、法人アカウントを新しく作成します（個人のままならクレジットカード払い）。',
  },
  account_type_unknown: {
    cause: 'アカウント区分（法人 / 個人）を確かめてください。個人アカウントは申請できません。',
    fix: 'ユーザーコンソール右上のメールアドレス →「契約者情報」でアカウント区分を確認できます。',
  },
  email_not_company: {
    cause:
      'アカウントや請求書送付先のメールアドレスが、フリーメール（Gmail など）か会社名と一致しないアドレスです。この場合は申請を受けられません。',
    fix: 'ログイン用メールアドレス（§6.1.2）と請求書送付先（「お支払い方法」）を会社のドメインのアドレスに変えてから申請し直します。',
  },
  postal_code_not_in_database: {
    cause:
      '① 入力した郵便番号が日本郵便のデータベースにない可能性があります。インターネットへの掲載を希望していない大口事業所の個別番号や、料金受取人払いの個別番号は照合できません。',
    fix: '広域の郵便番号（https://www.post.japanpost.jp/zipcode/ で確認）で申請し、個別の番号を使いたい旨を申請フォームの備考欄に書きます。',
  },
  prefecture_in_address: {
    cause: '③ 住所欄に都道府県を書いています。',
    fix: '住所欄には都道府県を書かず、市区町村から先を入力します。',
  },
  postal_code_mismatch: {
    cause: '② 郵便番号と住所が一致していない可能性があります。',
    fix: '郵便番号がその住所の地域のものか、住所の書き間違いがないかを確かめます。',
  },
  ask_soracom: {
    cause: 'ガイドにある原因には当てはまりませんでした。',
    fix: 'contact-us@soracom.jp へメールで、表示されたエラーと入力内容を添えて相談します。',
  },
}

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
