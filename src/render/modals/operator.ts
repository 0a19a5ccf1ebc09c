import type { ModalView } from '@slack/types'
import { formModal, note, staticSelect, textInput } from './elements.js'

export const OPERATOR_REGISTER_CALLBACK_ID = 'operator_register'

/** Registers (or updates) one of the company's operators. */
export function operatorModal(args: { privateMetadata: string }): ModalView {
  return formModal({
    callbackId: OPERATOR_REGISTER_CALLBACK_ID,
    privateMetadata: args.privateMetadata,
    title: 'オペレーターの登録',
    submit: '登録する',
    blocks: [
      note(
        '自社のオペレーターを登録すると、各フローで入力が補完され、登録外の ID には警告が出ます。同じ ID を登録すると上書きします。',
      ),
      textInput('operator_id', 'オペレーター ID', { placeholder: 'OP0123456789', maxLength: 100 }),
      textInput('name', '呼び名（任意）', { optional: true, placeholder: '本番環境', maxLength: 60 }),
      staticSelect('coverage', 'カバレッジ', [
        { value: 'jp', label: '日本' },
        { value: 'g', label: 'グローバル' },
        { value: 'both', label: '両方' },
      ]),
      staticSelect('account_type', 'アカウント区分', [
        { value: 'corporate', label: '法人' },
        { value: 'individual', label: '個人' },
      ]),
      staticSelect('payment_method', 'お支払い方法', [
        { value: 'card', label: 'クレジットカード' },
        { value: 'invoice', label: '請求書払い' },
        { value: 'direct_debit', label: '口座振替' },
        { value: 'convenience_store', label: 'コンビニ払込票' },
      ]),
    ],
  })
}
