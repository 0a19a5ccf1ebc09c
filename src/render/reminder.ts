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
