import type { KnownBlock } from '@slack/types'
import type { Ticket, TicketStatus } from '../domain/ticket.js'
import { escapeMrkdwn } from './mrkdwn.js'
import { formatJstDateTime } from './time.js'

/** What `chat.postMessage` / `chat.update` need besides the channel. */
export interface SlackMessage {
  text: string
  blocks: KnownBlock[]
}

const STATUS_LABELS: Record<TicketStatus, string> = {
  rendered: '未送信',
  sent: '送信済み',
  resolved: '解決',
  cancelled: '取り下げ',
}

export function ticketStatusLabel(status: TicketStatus): string {
  return STATUS_LABELS[status]
}

/** Slack refuses section text over 3,000 characters: split between paragraphs. */
const SECTION_LIMIT = 3000

export function mrkdwnSections(text: string): KnownBlock[] {
  const chunks: string[] = []
  let current = ''
  for (const paragraph of text.split(/\n{2,}/)) {
    const candidate = current === '' ? paragraph : `${current}\n\n${paragraph}`
    if (candidate.length <= SECTION_LIMIT) {
      current = candidate
      continue
    }
    if (current !== '') chunks.push(current)
    current = paragraph
    while (current.length > SECTION_LIMIT) {
      chunks.push(current.slice(0, SECTION_LIMIT))
      current = current.slice(SECTION_LIMIT)
    }
  }
  if (current !== '') chunks.push(current)
  return chunks.map((chunk) => ({ type: 'section', text: { type: 'mrkdwn', text: chunk } }))
}

/**
 * The ticket message: the guidance around the ticket, then the ticket text itself in a
 * preformatted rich-text block. Rich-text `text` elements are literal — no mrkdwn, no mentions —
 * so the text reaches the user byte for byte, ready to paste into the support form.
 */
export function ticketMessage(ticket: Ticket, intro: string): SlackMessage {
  return {
    text: `サポートリクエスト「${escapeMrkdwn(ticket.subject)}」(${ticket.operatorId}) を作成しました`,
    blocks: [
      ...mrkdwnSections(intro),
      {
        type: 'rich_text',
        elements: [
          {
            type: 'rich_text_preformatted',
            elements: [{ type: 'text', text: fullTicketText(ticket) }],
          },
        ],
      },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `チケット \`${ticket.id}\` ・ 状態: ${ticketStatusLabel(ticket.status)} ・ 作成: ${formatJstDateTime(ticket.createdAt)} ・ 依頼者: <@${ticket.requester}>`,
          },
        ],
      },
    ],
  }
}

/** Rebuilds the rendered text from the stored subject and body, exactly as the template produced it. */
export function fullTicketText(ticket: Pick<Ticket, 'subject' | 'body'>): string {
  return `件名: ${ticket.subject}\n\n本文:\n${ticket.body}`
}

/** A message that ends a flow without a ticket: why, and what to do instead. */
export function guidanceMessage(text: string, fallback: string): SlackMessage {
  return { text: fallback, blocks: mrkdwnSections(text) }
}
