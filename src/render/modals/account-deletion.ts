import type { ModalView } from '@slack/types'
import { datepicker, formModal, note, radioButtons, textInput } from './elements.js'

export const ACCOUNT_DELETION_CALLBACK_ID = 'account_deletion'

/** The deletion modal (§6.4): the operator and the planned cancellation day. */
export function accountDeletionModal(args: {
  operatorId?: string
  today: string
  privateMetadata: string
}): ModalView {
  return formModal({
    callbackId: ACCOUNT_DELETION_CALLBACK_ID,
    privateMetadata: args.privateMetadata,
    title: 'アカウントの退会',
    submit: 'チェックリスト作成',
    blocks: [
      note('退会までに必要な手順を、順番どおりのチェックリストにしてこのチャンネルに投稿します。'),
      textInput('operator_id', '退会するオペレーター ID', {
        initial: args.operatorId,
        placeholder: 'OP0123456789',
        hint: 'OP に続く数字 10 桁。',
        maxLength: 100,
      }),
      datepicker('cancel_date', 'SIM・サービスの解約予定日', {
        initial: args.today,
        hint: 'この日までの利用分が翌月に最終請求されます。',
      }),
      radioButtons(
        'payment_method',
        'お支払い方法',
        [
          { value: 'invoice', label: '請求書払い（口座振替・コンビニ払込票を含む）' },
          { value: 'card', label: 'クレジットカード' },
        ],
        { optional: true, hint: '最終請求の案内とリマインダーを、お支払い方法に合わせます。' },
      ),
    ],
  })
}
