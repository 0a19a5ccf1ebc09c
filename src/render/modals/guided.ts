import type { ModalView } from '@slack/types'
import { formModal, note, radioButtons, staticSelect, textInput } from './elements.js'

export const BANK_ACCOUNT_INQUIRY_CALLBACK_ID = 'bank_account_inquiry'
export const COMPANY_NAME_CHANGE_CALLBACK_ID = 'company_name_change'
export const LOGIN_RECOVERY_CALLBACK_ID = 'login_recovery'
export const INVOICE_APPLICATION_CALLBACK_ID = 'invoice_application_check'

const operatorField = (initial: string | undefined, optional = false) =>
  textInput('operator_id', optional ? 'オペレーター ID（わかれば）' : 'オペレーター ID', {
    initial,
    placeholder: 'OP0123456789',
    maxLength: 100,
    optional,
  })

/** §3.4.2: the bank account before the first invoice. */
export function bankAccountInquiryModal(args: { operatorId?: string; privateMetadata: string }): ModalView {
  return formModal({
    callbackId: BANK_ACCOUNT_INQUIRY_CALLBACK_ID,
    privateMetadata: args.privateMetadata,
    title: '入金口座の事前確認',
    submit: '問い合わせ文を作成',
    blocks: [
      note(
        '取引先登録などで、請求書が届く前に入金口座（振込先）を知りたいときの問い合わせ文を作ります（§3.4.2）。',
      ),
      operatorField(args.operatorId),
      staticSelect('coverage', 'カバレッジ', [
        { value: 'jp', label: '日本' },
        { value: 'g', label: 'グローバル' },
        { value: 'both', label: '両方' },
      ]),
      radioButtons('switch_mail', '「請求書払いの切替完了メール」は届いていますか？', [
        { value: 'yes', label: 'はい、届いている' },
        { value: 'no', label: 'いいえ、まだ' },
      ]),
    ],
  })
}

/** §3.3.2 / §6.2: a company-name change. */
export function companyNameChangeModal(args: { operatorId?: string; privateMetadata: string }): ModalView {
  return formModal({
    callbackId: COMPANY_NAME_CHANGE_CALLBACK_ID,
    privateMetadata: args.privateMetadata,
    title: '社名変更の依頼',
    submit: '依頼文を作成',
    blocks: [
      note(
        '社名（契約名義）の変更はユーザーコンソールではできず、ソラコムとネットプロテクションズ社の確認が必要です（§3.3.2、§6.2）。依頼文を作ります。',
      ),
      operatorField(args.operatorId),
      radioButtons('reason', '変更の理由', [
        { value: 'trade_name', label: '商号変更' },
        { value: 'merger', label: '買収・合併' },
        { value: 'transfer', label: '別の会社へのアカウントの譲渡' },
      ]),
      textInput('current_name', '現在の社名', { placeholder: '株式会社サンプル', maxLength: 100 }),
      textInput('new_name', '変更後の社名', {
        placeholder: '株式会社サンプルホールディングス',
        maxLength: 100,
      }),
    ],
  })
}

/** §7.3: login information lost. */
export function loginRecoveryModal(args: { operatorId?: string; privateMetadata: string }): ModalView {
  return formModal({
    callbackId: LOGIN_RECOVERY_CALLBACK_ID,
    privateMetadata: args.privateMetadata,
    title: 'ログイン情報の開示',
    submit: 'チェックリスト作成',
    blocks: [
      note(
        'ログイン情報がわからなくなったときに、ソラコムへ送る書類のチェックリストとメール文を作ります（§7.3）。',
      ),
      textInput('company_name', '会社名', { placeholder: '株式会社サンプル', maxLength: 100 }),
      textInput('applicant', '申請者の氏名', { placeholder: '山田 花子', maxLength: 60 }),
      operatorField(args.operatorId, true),
      radioButtons('email_usable', '今のログイン用メールアドレスは使えますか？', [
        { value: 'yes', label: '使える（パスワードなどがわからないだけ）' },
        { value: 'no', label: '使えない（担当者の退職など）' },
      ]),
      textInput('new_email', '新しいログイン用メールアドレス（使えないとき）', {
        placeholder: 'billing@example.co.jp',
        maxLength: 254,
        optional: true,
      }),
    ],
  })
}

/** §3.3.1: why the invoice-payment application stopped. */
export function invoiceApplicationModal(args: { privateMetadata: string }): ModalView {
  return formModal({
    callbackId: INVOICE_APPLICATION_CALLBACK_ID,
    privateMetadata: args.privateMetadata,
    title: '請求書払いの申請エラー',
    submit: '原因を調べる',
    blocks: [
      note(
        '請求書払いの申請（https://soracom.jp/contact/bill_payment/ ）でエラーになった、または申請を断られたときに、ガイド §3.3.1 の原因と直し方を絞り込みます。',
      ),
      radioButtons('account_type', 'アカウント区分', [
        { value: 'corporate', label: '法人' },
        { value: 'individual', label: '個人' },
        {
          value: 'unknown',
          label: 'わからない',
          description: 'コンソール右上 →「契約者情報」で確認できます',
        },
      ]),
      radioButtons('email', 'アカウントと請求書送付先のメールアドレス', [
        { value: 'company', label: '会社のドメインのアドレス' },
        { value: 'free', label: 'フリーメール（Gmail など）' },
        { value: 'other_domain', label: '会社名と一致しないドメイン' },
      ]),
      radioButtons('error', '申請ページの表示', [
        { value: 'e1999507', label: 'E1999507（郵便番号と住所では登録できない）' },
        { value: 'other', label: 'ほかのエラー' },
        { value: 'none', label: 'エラーは出ず、申請を受けられないと連絡が来た' },
      ]),
      radioButtons('postal_code', '入力した郵便番号', [
        { value: 'ordinary', label: '一般の郵便番号' },
        { value: 'large_office', label: '大口事業所の個別番号' },
        { value: 'business_reply', label: '料金受取人払いの番号' },
      ]),
      radioButtons('prefecture', '住所欄に都道府県を書きましたか？', [
        { value: 'yes', label: 'はい' },
        { value: 'no', label: 'いいえ（市区町村から）' },
      ]),
    ],
  })
}
