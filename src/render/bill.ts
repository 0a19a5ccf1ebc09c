import type { KnownBlock } from '@slack/types'
import type { Bill, ReissueFacts } from '../domain/bill.js'
import type { BillReport, ExportOutcome, LinkChoice } from '../domain/bill-report.js'
import type { LinkFailure } from '../domain/billing-alert.js'
import type { YearMonth } from '../domain/plain-date.js'
import type { OperatorLink } from '../domain/soracom-link.js'
import {
  BILL_STATE_LABELS,
  changeAgainst,
  coverageLabel,
  formatAmount,
  PAYMENT_STATUS_LABELS,
  usageMonthLabel,
} from './labels.js'
import { button, type SlackMessage } from './messages.js'
import { listSections } from './sections.js'

export const BILL_CSV_ACTION = 'bill_export_csv'
export const BILL_STATEMENT_ACTION = 'bill_export_statement'
export const BILL_SHARE_ACTION = 'bill_share'
export const BILL_SHOW_ACTION = 'bill_show'

/** What a bill button carries: which link and month (no secret, nothing personal). */
export interface BillButtonValue {
  o: string
  c: OperatorLink['coverage']
  m?: string
}

/** The answer whenever SORACOM could not be asked (down, slow, key revoked). */
export const SORACOM_FAILURE_TEXT: Record<LinkFailure, string> = {
  unreachable:
    'SORACOM API に接続できませんでした。しばらくしてから、もう一度お試しください。（ほかのコマンドはこのまま使えます）',
  auth_failed:
    'SORACOM が連携済みの認証キーを受け付けませんでした（キーの削除や権限の変更）。管理者が `/billing link` で連携し直してください。',
  refused:
    'SORACOM API がこの問い合わせを受け付けませんでした。SAM ユーザーの権限（README の権限設定）を管理者に確認してもらってください。',
}

const who = (link: Pick<OperatorLink, 'operatorId' | 'coverage'>) =>
  `${link.operatorId}（${coverageLabel(link.coverage)}）`

/** `2022年8月ご利用分 28,734 円（確定・支払い済み）`: one line, for App Home and lists. */
export function billLine(
  bill: Pick<Bill, 'amount' | 'currency' | 'state' | 'paymentStatus'> & { month: string },
): string {
  const state = [
    BILL_STATE_LABELS[bill.state],
    bill.paymentStatus ? PAYMENT_STATUS_LABELS[bill.paymentStatus] : '',
  ]
    .filter(Boolean)
    .join('・')
  return `${usageMonthLabel(bill.month as YearMonth)}ご利用分 ${formatAmount(bill.amount, bill.currency)}（${state}）`
}

/** The fields of a bill: amount, state, payment status, coupon and the change against the month before. */
function billFieldLines(bill: Bill, previous: Bill | undefined): string[] {
  const change = changeAgainst(bill, previous)
  return [
    `*請求金額*: ${formatAmount(bill.amount, bill.currency)}`,
    `*状態*: ${BILL_STATE_LABELS[bill.state]}`,
    `*支払い状況*: ${bill.paymentStatus ? PAYMENT_STATUS_LABELS[bill.paymentStatus] : '（SORACOM の回答になし）'}`,
    `*クーポン適用*: ${bill.couponAmount ? formatAmount(bill.couponAmount, bill.currency) : 'なし'}`,
    `*前月比*: ${
      change && previous
        ? `${change}（前月 ${formatAmount(previous.amount, previous.currency)}）`
        : previous
          ? '比較できません'
          : '前月の請求はありません'
    }`,
  ]
}

/** The fields as one Block Kit section (ten fields at most: there are five). */
export function billFields(bill: Bill, previous: Bill | undefined): KnownBlock {
  return {
    type: 'section',
    fields: billFieldLines(bill, previous).map((text) => ({ type: 'mrkdwn' as const, text })),
  }
}

/**
 * Under a bill in another currency than yen (global coverage bills in USD): how it is invoiced
 * (§3.7.2) — in yen, converted at the month's average TTS rate.
 */
export function billCurrencyNote(bill: Pick<Bill, 'currency'>): KnownBlock[] {
  if (bill.currency === 'JPY') return []
  return [
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `グローバルカバレッジの料金はドル建てです。請求時は月中平均 TTS（<http://www.murc-kawasesouba.jp/fx/lastmonth.php|三菱 UFJ リサーチ＆コンサルティング>）で円に換算した金額が請求されます（§3.7.2）。`,
        },
      ],
    },
  ]
}

/** The headline and the fields of one bill, shared by the private answer and the shared post. */
function billSummary(report: Extract<BillReport, { kind: 'bill' }>, note = '') {
  const { link, bill } = report
  const title = `${who(link)} ${usageMonthLabel(bill.month)}ご利用分`
  return {
    text: `${title}: ${formatAmount(bill.amount, bill.currency)}（${BILL_STATE_LABELS[bill.state]}）`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${title}の請求*${note}` } },
      billFields(bill, report.previous),
      ...billCurrencyNote(bill),
    ] as KnownBlock[],
  }
}

/** `/billing bill`: the bill, or why there is none, with the export and share buttons. */
export function billReportMessage(report: BillReport): SlackMessage {
  switch (report.kind) {
    case 'bill': {
      const { link, bill } = report
      const value = JSON.stringify({
        o: link.operatorId,
        c: link.coverage,
        m: bill.month,
      } satisfies BillButtonValue)
      const summary = billSummary(report)
      return {
        text: summary.text,
        blocks: [
          ...summary.blocks,
          {
            type: 'actions',
            block_id: 'bill_actions',
            elements: [
              button({ actionId: BILL_CSV_ACTION, text: '課金詳細 CSV', value, style: 'primary' }),
              ...(report.cardPayer
                ? [button({ actionId: BILL_STATEMENT_ACTION, text: '請求明細書 PDF', value })]
                : []),
              button({ actionId: BILL_SHARE_ACTION, text: 'チャンネルに共有', value }),
            ],
          },
          {
            type: 'context',
            elements: [
              {
                type: 'mrkdwn',
                text: 'SORACOM API（Billing）から取得しました。この表示はあなたにだけ見えています。',
              },
            ],
          },
        ],
      }
    }
    case 'no_bill':
      return text(
        report.month
          ? `${who(report.link)}の ${usageMonthLabel(report.month)}ご利用分の請求は SORACOM にありません（請求が 0 円の月か、まだ集計されていない月です）。`
          : `${who(report.link)}には確定した請求がまだありません。`,
      )
    case 'failed':
      return text(SORACOM_FAILURE_TEXT[report.reason])
    default:
      return linkChoiceMessage(report)
  }
}

/** The user shares a bill to the channel: the same facts, without the private buttons. */
export function sharedBillMessage(report: Extract<BillReport, { kind: 'bill' }>, user: string): SlackMessage {
  return billSummary(report, `（<@${user}> さんが共有）`)
}

/** No link fits the command, or several do. */
export function linkChoiceMessage(choice: Exclude<LinkChoice, { kind: 'link' }>): SlackMessage {
  if (choice.kind === 'no_links')
    return text(
      'SORACOM オペレーターがまだ連携されていません。管理者が `/billing link` で SAM ユーザーの認証キーを登録すると、請求金額や課金詳細 CSV をここで確認できます。',
    )
  if (choice.kind === 'not_linked')
    return text(
      `${choice.operatorId} は連携されていません。管理者が \`/billing link\` で連携できます（連携済み: \`/billing bill\` で一覧）。`,
    )
  const shown = choice.links.slice(0, 25)
  const blocks: KnownBlock[] = [
    ...listSections(
      shown.map((l) => `• ${who(l)}`),
      { heading: '*どのオペレーターの請求を表示しますか？*' },
    ),
    {
      type: 'actions',
      block_id: 'bill_choose',
      elements: shown.map((l) =>
        button({
          actionId: `${BILL_SHOW_ACTION}:${l.operatorId}:${l.coverage}`,
          text: `${l.operatorId} ${coverageLabel(l.coverage)}`,
          value: JSON.stringify({
            o: l.operatorId,
            c: l.coverage,
            ...(choice.month ? { m: choice.month } : {}),
          }),
        }),
      ),
    },
  ]
  return { text: '請求を表示するオペレーターを選んでください', blocks }
}

/** A CSV or PDF button's answer. */
export function exportText(outcome: ExportOutcome, file: 'csv' | 'statement'): string {
  const name = file === 'csv' ? '課金詳細 CSV' : '請求明細書 PDF'
  switch (outcome.kind) {
    case 'url':
      return `${who(outcome.link)} ${usageMonthLabel(outcome.month)}ご利用分の${name}: <${outcome.url}|ダウンロード>\nリンクは SORACOM が発行した一時的なもので、しばらくすると無効になります。必要になったらもう一度ボタンを押してください。`
    case 'none':
      return `${who(outcome.link)}の ${usageMonthLabel(outcome.month)}ご利用分の${name}はまだありません（請求明細書は決済が終わると発行されます）。`
    case 'failed':
      return SORACOM_FAILURE_TEXT[outcome.reason]
    default:
      return linkChoiceMessage(outcome).text
  }
}

function text(t: string): SlackMessage {
  return { text: t, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: t } }] }
}

const METHOD_LABELS = { invoice: '請求書払い', card: 'クレジットカード' } as const

/** What the reissue modal says it found in SORACOM. */
export function reissueFactsText(facts: ReissueFacts): string {
  const month = usageMonthLabel(facts.month)
  const bill = facts.bill
    ? `${month}ご利用分は ${formatAmount(facts.bill.amount, facts.bill.currency)}（${BILL_STATE_LABELS[facts.bill.state]}${facts.couponCovered ? '・クーポンで全額充当' : ''}）`
    : `${month}ご利用分の請求は SORACOM にありません（0 円の月か、まだ集計中）`
  const method = facts.paymentMethod ? METHOD_LABELS[facts.paymentMethod] : '判別できません'
  return `SORACOM API で確認しました: ${bill}。お支払い方法: ${method}。`
}

/** What the direct-debit modal says it found in SORACOM. */
export function paymentMethodFactText(paymentMethod: 'invoice' | 'card' | undefined): string {
  return `SORACOM API で確認しました: お支払い方法は${paymentMethod ? METHOD_LABELS[paymentMethod] : '判別できませんでした'}。`
}
