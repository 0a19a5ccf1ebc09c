import type { Bill } from '../domain/bill.js'
import type { AmountFinalAlert, BillingAlert, LinkBrokenAlert, LinkFailure } from '../domain/billing-alert.js'
import type { YearMonth } from '../domain/plain-date.js'
import {
  BILL_CSV_ACTION,
  BILL_SHOW_ACTION,
  type BillButtonValue,
  billCurrencyNote,
  billFields,
} from './bill.js'
import { BILL_STATE_LABELS, changeAgainst, coverageLabel, formatAmount, usageMonthLabel } from './labels.js'
import { button, type SlackMessage } from './messages.js'
import { digestMessage, spendAlertMessage } from './spend.js'
import { formatJstDateTime } from './time.js'

/** The message of a stored alert, by its kind. */
export function alertMessage(alert: BillingAlert): SlackMessage {
  if (alert.kind === 'spend') return spendAlertMessage(alert)
  if (alert.kind === 'digest') return digestMessage(alert)
  return alert.kind === 'amount_final' ? amountFinalAlertMessage(alert) : linkBrokenAlertMessage(alert)
}

/**
 * 「2026年10月ご利用分の請求金額が確定しました: 28,734 円（前月比 +3.2 %）」 in the link's alert
 * channel, with the state, coupon and payment status, and the CSV button.
 */
export function amountFinalAlertMessage(alert: AmountFinalAlert): SlackMessage {
  const bill = { ...alert.bill, month: alert.bill.month as YearMonth } as Bill
  const previous = alert.previous
    ? ({ ...alert.previous, month: alert.previous.month as YearMonth } as Bill)
    : undefined
  const change = changeAgainst(bill, previous)
  const headline = `${usageMonthLabel(bill.month)}ご利用分の請求金額が確定しました: ${formatAmount(bill.amount, bill.currency)}${change ? `（前月比 ${change}）` : ''}`
  const value = JSON.stringify({
    o: alert.operatorId,
    c: alert.coverage,
    m: bill.month,
  } satisfies BillButtonValue)
  return {
    text: `${headline}（${alert.operatorId}）`,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `:receipt: *${headline}*\n${alert.operatorId}（${coverageLabel(alert.coverage)}）・ ${BILL_STATE_LABELS[bill.state]}`,
        },
      },
      billFields(bill, previous),
      ...billCurrencyNote(bill),
      {
        type: 'actions',
        block_id: 'alert_actions',
        elements: [
          button({ actionId: BILL_CSV_ACTION, text: '課金詳細 CSV', value, style: 'primary' }),
          button({ actionId: `${BILL_SHOW_ACTION}:alert`, text: '請求の詳細', value }),
        ],
      },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: 'SORACOM API で確定を確認したお知らせです（CSV のリンクは押した人にだけ表示されます）。',
          },
        ],
      },
    ],
  }
}

const LINK_FAILURE_TEXT: Record<LinkFailure, string> = {
  auth_failed:
    'SORACOM が保存済みの認証キーを受け付けません（認証キーの削除・無効化、または SAM ユーザーの削除）。',
  refused: 'SORACOM が請求情報の読み取りを拒否しています（SAM ユーザーの権限の変更）。',
  unreachable: 'SORACOM API に接続できない状態が続いています。',
}

/**
 * The link stopped working: while it is broken no amount-final or payment-error alert can come,
 * so the desk is told, with what to do. Updated in place once a check succeeds again.
 */
export function linkBrokenAlertMessage(alert: LinkBrokenAlert): SlackMessage {
  const target = `${alert.operatorId}（${coverageLabel(alert.coverage)}）`
  if (alert.restored) {
    return {
      text: `${target}の SORACOM 連携は復旧しました`,
      blocks: [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: `:white_check_mark: *${target}の SORACOM 連携は復旧しました*（${formatJstDateTime(alert.restored)} に確認）\n請求金額の確定と支払いエラーのお知らせを再開します。`,
          },
        },
        {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: `止まっていた間: ${LINK_FAILURE_TEXT[alert.reason]}` }],
        },
      ],
    }
  }
  const todo =
    alert.reason === 'unreachable'
      ? 'SORACOM 側の障害の可能性があります。ボットは確認を続け、つながればこのメッセージでお知らせします。'
      : '管理者が `/billing link` で連携し直してください（必要な権限は README の「SORACOM 連携」）。'
  return {
    text: `${target}の SORACOM 連携が使えなくなりました`,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `:warning: *${target}の SORACOM 連携が使えなくなりました*\n${LINK_FAILURE_TEXT[alert.reason]}直るまで、請求金額の確定や支払いエラーのお知らせは届きません。\n${todo}`,
        },
      },
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: `最後に確認できたのは ${formatJstDateTime(alert.lastSuccess)} です。` },
        ],
      },
    ],
  }
}
