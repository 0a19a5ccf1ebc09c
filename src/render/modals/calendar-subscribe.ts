import type { ModalView } from '@slack/types'
import { CALENDAR_PAYMENT_METHODS } from '../../domain/calendar-subscription.js'
import { CALENDAR_PAYMENT_LABELS } from '../labels.js'
import { formModal, note, staticSelect } from './elements.js'

export const CALENDAR_SUBSCRIBE_CALLBACK_ID = 'calendar_subscribe'

/** `/billing calendar subscribe` without the payment method: ask it, so the reminders fit. */
export function calendarSubscribeModal(args: { privateMetadata: string }): ModalView {
  return formModal({
    callbackId: CALENDAR_SUBSCRIBE_CALLBACK_ID,
    privateMetadata: args.privateMetadata,
    title: '請求カレンダー',
    submit: '購読する',
    blocks: [
      note(
        'このチャンネルに毎月の請求カレンダー（金額確定・請求書発行・支払期限）を 9:00 にお知らせします。お支払い方法に合わせた内容になります（クレジットカードは支払期限のお知らせなし）。',
      ),
      staticSelect(
        'payment_method',
        'お支払い方法',
        CALENDAR_PAYMENT_METHODS.map((value) => ({ value, label: CALENDAR_PAYMENT_LABELS[value] })),
      ),
    ],
  })
}
