import type { ModalView } from '@slack/types'
import type { Ticket } from '../domain/ticket.js'
import { type Button, type SlackMessage, ticketMessage } from './messages.js'
import { formModal, textInput } from './modals/elements.js'
import { escapeMrkdwn } from './mrkdwn.js'
import type { Renderer } from './templates.js'
import type { TicketView } from './ticket-view.js'
import { formatJstDateTime } from './time.js'

export const TICKET_PROGRESS_ACTION = 'ticket_progress'
/** One action_id per status: Slack wants action_ids unique within an actions block. */
export const TICKET_STATUS_ACTION = /^ticket_status_(resolved|cancelled)$/
export const ticketStatusActionId = (to: 'resolved' | 'cancelled') => `ticket_status_${to}`
export const TICKET_REFERENCE_ACTION = 'ticket_reference'
export const TICKET_REFERENCE_CALLBACK_ID = 'ticket_reference'

const MILESTONE_BUTTONS: Record<string, string> = {
  sent: '送信した',
  form_received: '依頼書が届いた',
  form_returned: '依頼書を返送した',
  switched: '口座振替が始まった',
}

export const MILESTONE_LABELS: Record<string, string> = {
  sent: '送信済み',
  form_received: '依頼書到着',
  form_returned: '依頼書返送',
  switched: '口座振替開始',
}

/** The whole ticket message as it stands: guidance, the ticket text, its history and next steps. */
export function renderTicketMessage(renderer: Renderer, view: TicketView): SlackMessage {
  const { ticket, next } = view
  const label =
    next === 'sent' && ticket.destination === 'np' ? 'NP へ送信した' : MILESTONE_BUTTONS[next ?? '']
  const buttons: Button[] = []
  if (next && label)
    buttons.push({
      actionId: TICKET_PROGRESS_ACTION,
      text: label,
      value: `${ticket.id}:${next}`,
      style: 'primary',
    })
  if (view.canResolve)
    buttons.push({
      actionId: ticketStatusActionId('resolved'),
      text: '解決した',
      value: `${ticket.id}:resolved`,
    })
  if (view.canRecordReference)
    buttons.push({
      actionId: TICKET_REFERENCE_ACTION,
      text: ticket.reference ? '受付番号を変更' : '受付番号を記録',
      value: ticket.id,
    })
  if (view.canCancel)
    buttons.push({
      actionId: ticketStatusActionId('cancelled'),
      text: '取り下げる',
      value: `${ticket.id}:cancelled`,
      style: 'danger',
    })
  const intro = [renderer.guidance(view.intro.template, view.intro.model), registryNotice(view.registry)]
    .filter(Boolean)
    .join('\n\n')
  return ticketMessage(ticket, intro, { history: ticket.history.map(historyLine), buttons })
}

function registryNotice(registry: TicketView['registry']): string {
  if (registry.kind === 'empty') {
    return '_`/billing operators` で自社のオペレーター ID を登録しておくと、入力の補完と確認ができます。_'
  }
  if (registry.kind === 'ok') return ''
  const ids = registry.ids.map((id) => `\`${escapeMrkdwn(id)}\``).join('、')
  if (!registry.fromConsole)
    return `:warning: ${ids} は登録済みのオペレーターではありません。オペレーター ID に誤りがないか確認してください（登録は \`/billing operators\`）。`
  return `:warning: ${ids} は登録済みのオペレーターではありません。SORACOM は送信元と異なるオペレーター ID についての依頼を受け付けないため、送信するコンソールのオペレーター ID を確認してください（登録は \`/billing operators\`）。`
}

const STATUS_CHANGES: Record<string, string> = {
  resolved: '解決',
  cancelled: '取り下げ',
  reference: '受付番号',
}

function historyLine(entry: Ticket['history'][number]): string {
  const milestone = entry.what.startsWith('milestone:') ? entry.what.slice('milestone:'.length) : undefined
  const label = milestone
    ? (MILESTONE_LABELS[milestone] ?? milestone)
    : (STATUS_CHANGES[entry.what] ?? entry.what)
  const detail = entry.detail ? `: ${escapeMrkdwn(entry.detail)}` : ''
  return `• ${label}${detail}（<@${entry.by}>、${formatJstDateTime(entry.at)}）`
}

/** The small modal behind 「受付番号を記録」. */
export function referenceModal(ticket: Ticket): ModalView {
  return formModal({
    callbackId: TICKET_REFERENCE_CALLBACK_ID,
    privateMetadata: ticket.id,
    title: '受付番号',
    submit: '記録する',
    blocks: [
      textInput('reference', `${ticket.subject.slice(0, 60)} の受付番号`, {
        optional: true,
        initial: ticket.reference,
        placeholder: '例: #123456',
        hint: 'SORACOM サポートや NP からの返信に書かれた番号です。空にすると消します。',
        maxLength: 100,
      }),
    ],
  })
}
