import type { ModalView } from '@slack/types'
import type { ReissueFacts } from '../../domain/bill.js'
import type { InvoiceReissueDraft } from '../../domain/invoice-reissue.js'
import { reissueFactsText } from '../bill.js'
import { banner, checkboxes, formModal, note, radioButtons, staticSelect, textInput } from './elements.js'
import type { FactCheckedView } from './fact-checked.js'

export const INVOICE_REISSUE_CALLBACK_ID = 'invoice_reissue'

/** The reissue modal (§3.4.1): what the bot needs to tell a late invoice from one that never exists. */
export function invoiceReissueModal(args: {
  operatorId?: string
  coverage?: string
  paymentMethod?: string
  usageMonth: string
  privateMetadata: string
  /** Answers to show again when the form comes back (after SORACOM was asked). */
  delivery?: string
  address?: string
  amountZero?: string
  checks?: readonly string[]
  destination?: string
  companyName?: string
  /**
   * Operators are linked to SORACOM: the amount and payment-method questions may stay empty for
   * them (the bot asks SORACOM). False when SORACOM could not tell: then they must be answered.
   */
  soracomAnswers?: boolean
  banner?: string
}): ModalView {
  const fromSoracom = args.soracomAnswers === true
  const soracomHint = fromSoracom
    ? 'SORACOM 連携済みのオペレーターは空欄で構いません（SORACOM API で確認します）。'
    : undefined
  return formModal({
    callbackId: INVOICE_REISSUE_CALLBACK_ID,
    privateMetadata: args.privateMetadata,
    title: '請求書の再発行',
    submit: '確認する',
    blocks: [
      ...(args.banner ? [banner(args.banner)] : []),
      note('請求書が届かないときの確認をして、必要なら再発行の依頼文を作成します。'),
      textInput('operator_id', 'オペレーター ID', {
        initial: args.operatorId,
        placeholder: 'OP0123456789',
        hint: 'OP に続く数字 10 桁。コンソール右上のメールアドレスをクリックすると表示されます。',
        maxLength: 100,
      }),
      staticSelect(
        'coverage',
        'カバレッジ',
        [
          { value: 'jp', label: '日本' },
          { value: 'g', label: 'グローバル' },
        ],
        { initial: args.coverage },
      ),
      textInput('usage_month', 'ご利用月', {
        initial: args.usageMonth,
        placeholder: 'YYYY-MM',
        hint: '請求書の対象となる利用月です（例: 4 月分の請求書は 5 月に発行されます）。',
        maxLength: 20,
      }),
      staticSelect(
        'payment_method',
        'お支払い方法',
        [
          { value: 'invoice', label: '請求書払い' },
          { value: 'card', label: 'クレジットカード' },
        ],
        { initial: args.paymentMethod, optional: fromSoracom, ...(soracomHint ? { hint: soracomHint } : {}) },
      ),
      staticSelect(
        'delivery',
        '請求書の送付方法',
        [
          { value: 'email', label: 'Eメール' },
          { value: 'post', label: '郵送' },
        ],
        { initial: args.delivery },
      ),
      textInput('address', '登録している請求書送付先', {
        initial: args.address,
        optional: true,
        placeholder: 'billing@example.co.jp または郵送先住所',
        hint: '再発行を依頼するときに依頼文へ記載します。',
        maxLength: 300,
      }),
      radioButtons(
        'amount_zero',
        'その月の請求金額は 0 円でしたか？（クーポンで全額充当を含む）',
        [
          { value: 'yes', label: 'はい、0 円' },
          { value: 'no', label: 'いいえ' },
          { value: 'unknown', label: 'わからない' },
        ],
        { initial: args.amountZero, optional: fromSoracom, ...(soracomHint ? { hint: soracomHint } : {}) },
      ),
      checkboxes(
        'checks',
        '確認済みのこと',
        [
          { value: 'mail_searched', label: '請求書メールを件名で検索した' },
          { value: 'spam_checked', label: '迷惑メールフォルダを確認した' },
          { value: 'address_checked', label: '登録している送付先が正しいことを確認した' },
        ],
        { optional: true, ...(args.checks ? { initial: args.checks } : {}) },
      ),
      radioButtons(
        'destination',
        '依頼先',
        [
          {
            value: 'soracom',
            label: 'ソラコムサポート窓口',
            description: 'コンソールからサポートリクエストを送信',
          },
          { value: 'np', label: 'NP 掛け払いサポートデスク', description: 'メールまたは電話 03-4577-9631' },
        ],
        { initial: args.destination },
      ),
      textInput('company_name', '会社名', {
        initial: args.companyName,
        optional: true,
        placeholder: '株式会社サンプル',
        hint: '依頼先が NP のときは必須です。NP 掛け払いに登録している会社名を入れてください（NP は会社名で購入企業を確認します）。',
        maxLength: 100,
      }),
    ],
  })
}

/** The reissue flow when SORACOM answers for a linked operator: what it found, what follows, the form again. */
export const invoiceReissueFactView: FactCheckedView<InvoiceReissueDraft, ReissueFacts> = {
  title: '請求書の再発行',
  found: reissueFactsText,
  summary: (guidance) => {
    switch (guidance?.kind) {
      case 'invoice_reissue_no_invoice':
        return 'この月の請求書は発行されないため、再発行の依頼は要りません。理由と代わりの書類をチャンネルに投稿しました。'
      case 'invoice_reissue_too_early':
        return '請求書はまだ遅れていません。いつから依頼できるかをチャンネルに投稿しました。'
      default:
        return '再発行の依頼文をチャンネルに投稿しました。'
    }
  },
  form: (d, extra) =>
    invoiceReissueModal({
      operatorId: d.operatorId,
      coverage: d.coverage,
      usageMonth: d.usageMonth,
      ...(d.paymentMethod ? { paymentMethod: d.paymentMethod } : {}),
      delivery: d.delivery,
      ...(d.address ? { address: d.address } : {}),
      ...(d.amountZero ? { amountZero: d.amountZero } : {}),
      checks: d.checks,
      destination: d.destination,
      ...(d.companyName ? { companyName: d.companyName } : {}),
      privateMetadata: extra.privateMetadata,
      soracomAnswers: !extra.ask,
      banner: extra.banner,
    }),
}
