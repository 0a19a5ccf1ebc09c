import type { Bill } from '../domain/bill.js'
import { BILL_STATE_LABELS, changeAgainst, formatAmount } from '../domain/bill.js'
import type { BillingAlert } from '../domain/billing-alert.js'
import { coverageLabel } from '../domain/coverage.js'
import { usageMonthLabel } from '../domain/invoice-reissue.js'
import type { YearMonth } from '../domain/plain-date.js'
import { BILL_CSV_ACTION, BILL_SHOW_ACTION, type BillButtonValue, billFields } from './bill.js'
import { button, type SlackMessage } from './messages.js'

/**
 * 「2026年10月ご利用分の請求金額が確定しました: 28,734 円（前月比 +3.2 %）」 in the link's alert
 * channel, with the state, coupon and payment status, and the CSV button.
 */
export function amountFinalAlertMessage(alert: BillingAlert): SlackMessage {
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
