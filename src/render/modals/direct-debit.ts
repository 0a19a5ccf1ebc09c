import type { ModalView } from '@slack/types'
import type { DirectDebitDraft } from '../../domain/direct-debit.js'
import { paymentMethodFactText } from '../bill.js'
import { DIRECT_DEBIT_NOTES } from '../guide-text.js'
import { banner, checkboxes, formModal, note, radioButtons, staticSelect, textInput } from './elements.js'
import type { FactCheckedView } from './fact-checked.js'

export const DIRECT_DEBIT_CALLBACK_ID = 'direct_debit'

/**
 * The direct-debit modal (§3.5). Consent is required in the modal, and checked again by the domain
 * (a submission without it gets the guide's reason inline on `consent`).
 */
export function directDebitModal(args: {
  operatorId?: string
  accountType?: string
  invoicePayment?: string
  privateMetadata: string
  coverage?: string
  consent?: boolean
  /** Operators are linked: the invoice-payment question may stay empty (SORACOM is asked). */
  soracomAnswers?: boolean
  banner?: string
}): ModalView {
  return formModal({
    callbackId: DIRECT_DEBIT_CALLBACK_ID,
    privateMetadata: args.privateMetadata,
    title: '口座振替の依頼',
    submit: '依頼文を作成',
    blocks: [
      ...(args.banner ? [banner(args.banner)] : []),
      note(
        'SORACOM サポートへ送る「口座振替の希望」の依頼文を作成します。口座振替は法人アカウントで、請求書払いを利用中の場合に申し込めます。',
      ),
      textInput('operator_id', 'オペレーター ID', {
        initial: args.operatorId,
        placeholder: 'OP0123456789',
        hint: 'コンソール右上のメールアドレスをクリックすると表示されます。OP に続く数字 10 桁です。',
        maxLength: 100,
      }),
      staticSelect(
        'coverage',
        '口座振替を利用するカバレッジ',
        [
          { value: 'jp', label: '日本' },
          { value: 'g', label: 'グローバル' },
          { value: 'both', label: '両方' },
        ],
        { initial: args.coverage },
      ),
      staticSelect(
        'account_type',
        'アカウント区分',
        [
          { value: 'corporate', label: '法人' },
          { value: 'individual', label: '個人' },
        ],
        {
          hint: 'コンソール → 右上のメールアドレス → 「契約者情報」で確認できます。',
          initial: args.accountType,
        },
      ),
      radioButtons(
        'invoice_payment',
        '請求書払い',
        [
          { value: 'active', label: '利用中', description: '請求書払いの切替完了メールを受け取っている' },
          { value: 'not_yet', label: 'まだ利用していない', description: 'これから請求書払いを申請する' },
        ],
        {
          initial: args.invoicePayment,
          optional: args.soracomAnswers === true,
          ...(args.soracomAnswers
            ? {
                hint: 'SORACOM 連携済みのオペレーターは空欄で構いません（お支払い方法を SORACOM API で確認します）。',
              }
            : {}),
        },
      ),
      note(`*注意点*\n${DIRECT_DEBIT_NOTES.map((n) => `• ${n}`).join('\n')}`),
      checkboxes('consent', '注意点への同意', [{ value: 'agree', label: '上記の注意点に同意します' }], {
        ...(args.consent ? { initial: ['agree'] } : {}),
      }),
    ],
  })
}

/** The direct-debit flow when SORACOM says how a linked operator pays. */
export const directDebitFactView: FactCheckedView<DirectDebitDraft, { paymentMethod?: 'invoice' | 'card' }> =
  {
    title: '口座振替の依頼',
    found: (facts) => paymentMethodFactText(facts.paymentMethod),
    summary: (guidance) =>
      guidance?.kind === 'direct_debit_ineligible' && guidance.reason === 'invoice_payment_required'
        ? '口座振替の前に請求書払いへの切り替えが必要です。手順をチャンネルに投稿しました。'
        : '結果をチャンネルに投稿しました。',
    form: (d, extra) =>
      directDebitModal({
        operatorId: d.operatorId,
        coverage: d.coverage,
        accountType: d.accountType,
        ...(d.invoicePayment ? { invoicePayment: d.invoicePayment } : {}),
        consent: d.consent,
        privateMetadata: extra.privateMetadata,
        soracomAnswers: !extra.ask,
        banner: extra.banner,
      }),
  }
