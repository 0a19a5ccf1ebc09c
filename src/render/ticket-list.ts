import type { Ticket } from '../domain/ticket.js'
import { button, type SlackMessage, ticketStatusLabel } from './messages.js'
import { escapeMrkdwn } from './mrkdwn.js'
import { listSections } from './sections.js'
import { formatJstDateTime } from './time.js'

export const TICKETS_PAGE_ACTION = /^tickets_page_(prev|next)$/
export const TICKETS_PAGE_SIZE = 10

/** Which list: the user's own, or a channel's. Carried in the paging buttons. */
export type TicketScope = { kind: 'mine' } | { kind: 'channel'; channel: string }

export function encodeTicketPage(scope: TicketScope, page: number): string {
  return scope.kind === 'mine' ? `mine:${page}` : `channel:${scope.channel}:${page}`
}

export function decodeTicketPage(value: string): { scope: TicketScope; page: number } | undefined {
  const parts = value.split(':')
  const page = Number(parts.at(-1))
  if (!Number.isInteger(page) || page < 1) return undefined
  if (parts[0] === 'mine' && parts.length === 2) return { scope: { kind: 'mine' }, page }
  if (parts[0] === 'channel' && parts.length === 3 && parts[1])
    return { scope: { kind: 'channel', channel: parts[1] }, page }
  return undefined
}

/** `/billing tickets`: newest first, a page at a time, with 前へ / 次へ. */
export function renderTicketList(tickets: Ticket[], scope: TicketScope, page = 1): SlackMessage {
  const title = scope.kind === 'mine' ? 'あなたの依頼' : `<#${scope.channel}> の依頼`
  if (tickets.length === 0) {
    const text = `${title}はまだありません。\`/billing help\` でできることを確認できます。`
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] }
  }
  const pages = Math.ceil(tickets.length / TICKETS_PAGE_SIZE)
  const current = Math.min(Math.max(1, page), pages)
  const shown = tickets.slice((current - 1) * TICKETS_PAGE_SIZE, current * TICKETS_PAGE_SIZE)
  const lines = shown.map(
    (t) =>
      `• \`${t.id}\` ${escapeMrkdwn(t.subject)}（${t.operatorId}）— *${ticketStatusLabel(t.status)}*${t.reference ? ` ・ 受付番号 ${escapeMrkdwn(t.reference)}` : ''} ・ ${formatJstDateTime(t.createdAt)}${scope.kind === 'channel' ? ` ・ <@${t.requester}>` : ''}`,
  )
  const buttons = [
    ...(current > 1
      ? [
          button({
            actionId: 'tickets_page_prev',
            text: '← 前へ',
            value: encodeTicketPage(scope, current - 1),
          }),
        ]
      : []),
    ...(current < pages
      ? [
          button({
            actionId: 'tickets_page_next',
            text: '次へ →',
            value: encodeTicketPage(scope, current + 1),
          }),
        ]
      : []),
  ]
  return {
    text: `${title} ${tickets.length} 件（${current}/${pages} ページ）`,
    blocks: [
      ...listSections(lines, {
        heading: `*${title}（新しい順、${tickets.length} 件中 ${(current - 1) * TICKETS_PAGE_SIZE + 1}–${(current - 1) * TICKETS_PAGE_SIZE + shown.length} 件）*`,
      }),
      ...(buttons.length > 0
        ? [{ type: 'actions' as const, block_id: 'tickets_page', elements: buttons }]
        : []),
    ],
  }
}
