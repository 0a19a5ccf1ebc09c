import type { KnownBlock } from '@slack/types'
import type { PlainDate, YearMonth } from '../domain/plain-date.js'
import type { Reminder } from '../domain/reminder.js'
import { usageMonthLabel } from './labels.js'
import { mrkdwnSections, type SlackMessage } from './messages.js'
import { formatJpDate, formatJstDateTime } from './time.js'

/**
 * The message reminders due in one channel at one time become: one of them as it is, several as
 * one message listing each (a channel gets at most one reminder message a day, domain.md). The
 * fallback text is the first line, or the count.
 */
export function reminderMessage(reminders: Reminder | readonly Reminder[], late: boolean): SlackMessage {
  const all = Array.isArray(reminders) ? reminders : [reminders as Reminder]
  const first = all[0]
  if (!first) throw new Error('reminderMessage needs at least one reminder')
  const lateNote: KnownBlock[] = late
    ? [
        {
          type: 'context',
          elements: [
            {
              type: 'mrkdwn',
              text: `:hourglass: 本来 ${formatJstDateTime(first.dueAt)} にお送りする予定でしたが、ボットが停止していたため遅れてお送りします。`,
            },
          ],
        },
      ]
    : []
  const owners = [...new Set(all.map((r) => r.owner))].map((o) => `<@${o}>`).join(' ')
  const footer: KnownBlock = {
    type: 'context',
    elements: [
      { type: 'mrkdwn', text: `${owners} へのリマインダー ・ \`/billing reminders\` で一覧と取り消し` },
    ],
  }
  if (all.length === 1) {
    const firstLine = first.text.split('\n')[0] ?? first.text
    return {
      text: `:bell: ${firstLine.replace(/\*/g, '')}`,
      blocks: [...lateNote, ...mrkdwnSections(`:bell: ${first.text}`), footer],
    }
  }
  const items = all.flatMap((r, i): KnownBlock[] => [
    ...(i > 0 ? [{ type: 'divider' as const }] : []),
    ...mrkdwnSections(r.text),
  ])
  return {
    text: `:bell: 本日のお知らせ ${all.length} 件`,
    blocks: [
      ...lateNote,
      { type: 'section', text: { type: 'mrkdwn', text: `:bell: *本日のお知らせ（${all.length} 件）*` } },
      ...items.slice(0, 45),
      footer,
    ],
  }
}

export const REMINDER_CANCEL_ACTION = 'reminder_cancel'

const KIND_LABELS: Record<Reminder['kind'], string> = {
  invoice_expected: '請求書の到着確認',
  calendar_amount_final: '請求金額の確定日',
  calendar_invoice_issued: '請求書の発行日（ごろ）',
  calendar_due_soon: '支払期限が近いお知らせ',
  calendar_due: '支払期限の連絡',
  direct_debit_form_arrival: '口座振替依頼書の到着確認',
  direct_debit_form_return: '口座振替依頼書の返送確認',
  direct_debit_result_due: '口座振替の審査結果',
  direct_debit_invoice_due: '請求書の支払期限',
  deletion_invoice_issued: '最終請求の請求書発行',
  deletion_payment_due: '最終請求の支払期限',
}

/**
 * What a reminder is about, for a preview of future dates: its kind (and usage month), never its
 * text, which speaks as of its own day (「本日…」).
 */
export function reminderSummary(reminder: Reminder): string {
  const month = /^calendar:[^:]+:(\d{4})-(\d{2}):/.exec(reminder.key)
  const usage = month ? ` ・ ${month[1]}年${Number(month[2])}月ご利用分` : ''
  return `${KIND_LABELS[reminder.kind]}${usage}`
}

/** Where a reminder arrives: a channel link, or "DM" (Slack cannot render `<#U…>` or `<#D…>`). */
export function whereShown(channel: string): string {
  return /^[DUW]/.test(channel) ? 'DM' : `<#${channel}>`
}

/** Slack allows 50 blocks per message: list this many and say how many more there are. */
const LIST_LIMIT = 40

/** `/billing reminders`: the user's pending reminders with their date and a cancel button each. */
export function reminderListMessage(reminders: Reminder[]): SlackMessage {
  if (reminders.length === 0) {
    return {
      text: '予定中のリマインダーはありません。',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '予定中のリマインダーはありません。' } }],
    }
  }
  const shown = reminders.slice(0, LIST_LIMIT)
  const more = reminders.length - shown.length
  return {
    text: `予定中のリマインダー ${reminders.length} 件`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*予定中のリマインダー（${reminders.length} 件）*` } },
      ...shown.map((r) => ({
        type: 'section' as const,
        block_id: `reminder_${r.id}`,
        text: {
          type: 'mrkdwn' as const,
          text: `*${formatJstDateTime(r.dueAt)}* ${whereShown(r.channel)}\n${(r.text.split('\n')[0] ?? '').slice(0, 200)}`,
        },
        accessory: {
          type: 'button' as const,
          action_id: REMINDER_CANCEL_ACTION,
          text: { type: 'plain_text' as const, text: '取り消す' },
          value: r.id,
          confirm: {
            title: { type: 'plain_text' as const, text: 'リマインダーの取り消し' },
            text: { type: 'plain_text' as const, text: 'このリマインダーを取り消しますか？' },
            confirm: { type: 'plain_text' as const, text: '取り消す' },
            deny: { type: 'plain_text' as const, text: 'やめる' },
          },
        },
      })),
      ...(more > 0
        ? [
            {
              type: 'context' as const,
              elements: [{ type: 'mrkdwn' as const, text: `ほか ${more} 件（日付の近い順に表示）` }],
            },
          ]
        : []),
    ],
  }
}

/** The answer to 「… にリマインド」 on a too-early reissue. */
export function invoiceExpectedReminderText(
  operatorId: string,
  outcome:
    | { kind: 'scheduled'; on: PlainDate; usageMonth: YearMonth }
    | { kind: 'passed'; usageMonth: YearMonth },
): string {
  const month = usageMonthLabel(outcome.usageMonth)
  return outcome.kind === 'scheduled'
    ? `:bell: ${formatJpDate(outcome.on)} 9:00 にリマインドします（${operatorId}、${month}ご利用分の請求書）。\`/billing reminders\` で一覧と取り消しができます。`
    : `${month}ご利用分の請求書は、もう再発行を依頼できます。届いていなければ \`/invoice-reissue\` で依頼してください。`
}
