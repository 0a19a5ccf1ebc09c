import type { ModalView } from '@slack/types'
import { formModal, note, radioButtons, staticSelect, textInput } from './elements.js'

export const PAYMENT_ERROR_CALLBACK_ID = 'payment_error'

/** 支払いエラーの対応 (§3.8.1) started by hand: SORACOM's mail arrived, or no operator is linked. */
export function paymentErrorModal(args: {
  operatorId?: string
  coverage?: string
  paymentMethod?: string
  accountType?: string
  privateMetadata: string
}): ModalView {
  return formModal({
    callbackId: PAYMENT_ERROR_CALLBACK_ID,
    privateMetadata: args.privateMetadata,
    title: '支払いエラーの対応',
    submit: 'チェックリスト作成',
    blocks: [
      note(
        '支払いエラー（決済エラー）のメールや連絡が来たときの対応を、ガイド §3.8.1 の手順どおりのチェックリストにします。',
      ),
      textInput('operator_id', 'オペレーター ID', {
        initial: args.operatorId,
        placeholder: 'OP0123456789',
        maxLength: 100,
      }),
      staticSelect(
        'coverage',
        'エラーになったカバレッジ',
        [
          { value: 'jp', label: '日本' },
          { value: 'g', label: 'グローバル' },
        ],
        { initial: args.coverage, hint: 'クレジットカードはカバレッジごとに登録します。' },
      ),
      radioButtons(
        'payment_method',
        'お支払い方法',
        [
          { value: 'card', label: 'クレジットカード', description: 'SORACOM から未払いのメールが届いた' },
          { value: 'invoice', label: '請求書払い', description: 'ネットプロテクションズ社から連絡があった' },
        ],
        { initial: args.paymentMethod },
      ),
      radioButtons(
        'account_type',
        'アカウント区分',
        [
          { value: 'corporate', label: '法人' },
          { value: 'individual', label: '個人' },
        ],
        {
          initial: args.accountType,
          hint: '個人アカウントはクレジットカード以外のお支払い方法がありません。',
        },
      ),
    ],
  })
}
