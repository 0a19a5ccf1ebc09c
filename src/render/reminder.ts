import type { Reminder } from '../domain/reminder.js'
import type { SlackMessage } from './messages.js'
import { formatJstDateTime } from './time.js'

/** The message a reminder becomes; the fallback text is its first line. */
export function reminderMessage(reminder: Reminder, late: boolean): SlackMessage {
  const firstLine = reminder.text.split('\n')[0] ?? reminder.text
  const lateNote = late
    ? [
        {
          type: 'context' as const,
          elements: [
            {
              type: 'mrkdwn' as const,
              text: `:hourglass: 本来 ${formatJstDateTime(reminder.dueAt)} にお送りする予定でしたが、ボットが停止していたため遅れてお送りします。`,
            },
          ],
        },
      ]
    : []
  return {
    text: `:bell: ${firstLine.replace(/\*/g, '')}`,
    blocks: [
      ...lateNote,
      { type: 'section', text: { type: 'mrkdwn', text: `:bell: ${reminder.text}` } },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `<@${reminder.owner}> へのリマインダー ・ \`/billing reminders\` で一覧と取り消し`,
          },
        ],
      },
    ],
  }
}

export const REMINDER_CANCEL_ACTION = 'reminder_cancel'

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
