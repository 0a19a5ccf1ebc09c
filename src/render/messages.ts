import type { KnownBlock, Button as SlackButton } from '@slack/types'
import type { Ticket, TicketStatus } from '../domain/ticket.js'
import type { ChecklistView } from './checklist-view.js'
import { escapeMrkdwn } from './mrkdwn.js'
import { listSections } from './sections.js'
import { formatJstDateTime } from './time.js'

/**
 * Why the bot closed a payment-error checklist (stored as a code; a checklist stored before codes
 * were used holds the sentence itself, shown as it is).
 */
const CLOSED_REASON_TEXT: Readonly<Record<string, string>> = {
  bill_paid: 'SORACOM API でこの月の支払い済みを確認しました。',
  card_recovered: 'SORACOM API でクレジットカードが決済できる状態に戻ったことを確認しました。',
}

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

/** The history under a ticket shows this many latest changes. */
const HISTORY_SHOWN = 5

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
export function ticketMessage(
  ticket: Ticket,
  intro: string,
  extra: { history?: string[]; buttons?: Button[] } = {},
): SlackMessage {
  const tail: KnownBlock[] = []
  if (extra.history?.length) {
    // The latest changes only: a ticket whose reference changed 30 times still fits one message.
    const hidden = Math.max(0, extra.history.length - HISTORY_SHOWN)
    tail.push(
      ...listSections(extra.history.slice(hidden), {
        heading: hidden > 0 ? `_それ以前の変更 ${hidden} 件は記録済みです_` : '',
      }),
    )
  }
  if (extra.buttons?.length) {
    tail.push({ type: 'actions', block_id: 'ticket_actions', elements: extra.buttons.map(button) })
  }
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
            text: `チケット \`${ticket.id}\` ・ 状態: *${ticketStatusLabel(ticket.status)}*${ticket.reference ? ` ・ 受付番号: ${escapeMrkdwn(ticket.reference)}` : ''} ・ 作成: ${formatJstDateTime(ticket.createdAt)} ・ 依頼者: <@${ticket.requester}>`,
          },
        ],
      },
      ...tail,
    ],
  }
}

/** Rebuilds the rendered text from the stored subject and body, exactly as the template produced it. */
export function fullTicketText(ticket: Pick<Ticket, 'subject' | 'body'>): string {
  return `件名: ${ticket.subject}\n\n本文:\n${ticket.body}`
}

/** A message that ends a flow without a ticket: why, and what to do instead. */
export function guidanceMessage(text: string, fallback: string, buttons: Button[] = []): SlackMessage {
  const blocks = mrkdwnSections(text)
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons.map(button) })
  return { text: fallback, blocks }
}

export interface Button {
  actionId: string
  text: string
  value: string
  style?: 'primary' | 'danger'
}

export function button(b: Button): SlackButton {
  return {
    type: 'button',
    action_id: b.actionId,
    text: { type: 'plain_text', text: b.text, emoji: true },
    value: b.value,
    ...(b.style ? { style: b.style } : {}),
    ...(b.style === 'danger'
      ? {
          confirm: {
            title: { type: 'plain_text', text: '確認' },
            text: { type: 'plain_text', text: `「${b.text}」でよろしいですか？` },
            confirm: { type: 'plain_text', text: b.text },
            deny: { type: 'plain_text', text: 'やめる' },
          },
        }
      : {}),
  }
}

export const CHECKLIST_TOGGLE_ACTION = 'checklist_toggle'

/**
 * A checklist message: the guidance, then one section per step with a button to tick it. Ticks show
 * who and when; a locked last step says why it cannot be ticked yet.
 */
export function checklistMessage(
  view: Pick<ChecklistView, 'checklist' | 'steps' | 'lastStepAfterOthers' | 'closed'>,
  header: string,
  fallback: string,
): SlackMessage {
  const { checklist, steps } = view
  const lastIndex = steps.length - 1
  const othersDone = checklist.items.slice(0, lastIndex).every((i) => i.ticked)
  const completed =
    Boolean(view.closed) || (view.lastStepAfterOthers && Boolean(checklist.items[lastIndex]?.ticked))
  const stepBlocks: KnownBlock[] = steps.map((step, index) => {
    const ticked = checklist.items.find((i) => i.key === step.key)?.ticked
    const locked = view.lastStepAfterOthers && index === lastIndex && !othersDone
    const mark = ticked ? ':white_check_mark:' : locked ? ':lock:' : ':white_large_square:'
    const status = ticked
      ? `\n_<@${ticked.by}> が ${formatJstDateTime(ticked.at)} に完了_`
      : locked
        ? '\n_ほかの項目がすべて済むとチェックできます_'
        : ''
    const section: KnownBlock = {
      type: 'section',
      block_id: `step_${step.key}`,
      text: { type: 'mrkdwn', text: `${mark} *${index + 1}. ${step.title}*\n${step.detail}${status}` },
    }
    if (completed) return section
    return {
      ...section,
      accessory: button({
        actionId: CHECKLIST_TOGGLE_ACTION,
        text: ticked ? '取り消す' : '完了にする',
        value: `${checklist.id}:${step.key}:${ticked ? 'untick' : 'tick'}`,
        ...(ticked ? {} : { style: 'primary' as const }),
      }),
    }
  })
  const done = checklist.items.filter((i) => i.ticked).length
  return {
    text: fallback,
    blocks: [
      ...mrkdwnSections(header),
      { type: 'divider' },
      ...stepBlocks,
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: view.closed
              ? `チェックリスト \`${checklist.id}\` ・ :white_check_mark: ${formatJstDateTime(view.closed.at)} に完了: ${CLOSED_REASON_TEXT[view.closed.reason] ?? view.closed.reason}`
              : `チェックリスト \`${checklist.id}\` ・ ${done}/${steps.length} 完了${completed ? ' ・ すべて完了しました' : ''} ・ 依頼者: <@${checklist.requester}>`,
          },
        ],
      },
    ],
  }
}

/** The reminder button under a too-early reissue answer. */
export const REISSUE_REMIND_ACTION = 'reissue_remind'

/**
 * Why a stored record's message comes late: `interrupted` — the process stopped between storing
 * it and storing where its post went, so Slack may have shown it already (the bot cannot look:
 * reading channel history needs a scope per channel it does not ask for), and the repeat says it
 * is the same request; `slack_failed_alert` / `slack_failed` — Slack failed for a while, the
 * request (or the check) was kept all along.
 */
export type LateReason = 'interrupted' | 'slack_failed' | 'slack_failed_alert'

export function withLateNote(message: SlackMessage, createdAt: string, reason: LateReason): SlackMessage {
  const at = formatJstDateTime(createdAt)
  const text =
    reason === 'interrupted'
      ? `:repeat: ボットの再起動をはさんだため、${at} に受け付けたこの依頼を念のためもう一度投稿します。直前に同じ内容の投稿があれば、それは同じ依頼です。以後の操作と更新はこのメッセージで行われます。`
      : reason === 'slack_failed_alert'
        ? `:hourglass: Slack の一時的な障害でお知らせが遅れました（${at} に確認）。`
        : `:hourglass: Slack の一時的な障害で投稿が遅れました。依頼は ${at} に受け付け、保存されています。`
  const note = { type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text }] }
  return { ...message, blocks: [note, ...message.blocks] }
}
