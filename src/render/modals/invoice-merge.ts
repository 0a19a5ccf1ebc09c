import type { ModalView } from '@slack/types'
import { formModal, note, radioButtons, textInput } from './elements.js'

export const INVOICE_MERGE_CALLBACK_ID = 'invoice_merge'

/** The merge modal (§3.4.3): the two different meanings of "one invoice", and the IDs involved. */
export function invoiceMergeModal(args: { sources?: string; privateMetadata: string }): ModalView {
  return formModal({
    callbackId: INVOICE_MERGE_CALLBACK_ID,
    privateMetadata: args.privateMetadata,
    title: '請求書をまとめる',
    submit: '次へ',
    blocks: [
      radioButtons('mode', 'どうまとめたいですか？', [
        {
          value: 'single_invoice',
          label: '1 枚の請求書で複数アカウントを支払う',
          description: 'ソラコムが請求統合します（サポートへの依頼文を作成）',
        },
        {
          value: 'single_bank_account',
          label: '請求書は複数のまま、入金口座だけまとめる',
          description: 'NP 掛け払いマイページでご自身で手続き（手順を案内）',
        },
      ]),
      textInput('source_operator_ids', '統合元のオペレーター ID', {
        multiline: true,
        initial: args.sources,
        placeholder: 'OP0123456789\nOP1234567890',
        hint: '1 つ以上。改行・カンマ・空白で区切ってください。',
        maxLength: 2000,
      }),
      textInput('target_operator_id', '統合先のオペレーター ID', {
        optional: true,
        placeholder: 'OP9876543210',
        hint: '請求書を受け取るアカウント 1 つ。入金口座だけまとめる場合は、代表口座にしたいアカウント（任意）。',
        maxLength: 100,
      }),
      note('請求書を分けたい・送付先を増やしたい場合も、次の画面で説明します。'),
    ],
  })
}
