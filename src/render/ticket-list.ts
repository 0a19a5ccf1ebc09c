import type { Ticket } from '../domain/ticket.js'
import { type SlackMessage, ticketStatusLabel } from './messages.js'
import { escapeMrkdwn } from './mrkdwn.js'
import { formatJstDateTime } from './time.js'

const LIST_LIMIT = 20

/** `/billing tickets`: the user's tickets, newest first. */
export function renderTicketList(tickets: Ticket[]): SlackMessage {
  if (tickets.length === 0) {
    const text = 'まだ依頼はありません。`/billing help` でできることを確認できます。'
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] }
  }
  const lines = tickets
    .slice(0, LIST_LIMIT)
    .map(
      (t) =>
        `• \`${t.id}\` ${escapeMrkdwn(t.subject)}（${t.operatorId}）— *${ticketStatusLabel(t.status)}* ・ ${formatJstDateTime(t.createdAt)}`,
    )
  const more = tickets.length > LIST_LIMIT ? `\nほか ${tickets.length - LIST_LIMIT} 件` : ''
  return {
    text: `あなたの依頼 ${tickets.length} 件`,
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `*あなたの依頼（新しい順）*\n${lines.join('\n')}${more}` },
      },
    ],
  }
}
