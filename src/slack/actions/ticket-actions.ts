import type { WebClient } from '@slack/web-api'
import { DIRECT_DEBIT_MILESTONES, type DirectDebitMilestone } from '../../domain/direct-debit.js'
import type { Ticket } from '../../domain/ticket.js'
import {
  closeTicket,
  recordReference,
  reportMilestone,
  type TicketChange,
} from '../../domain/ticket-progress.js'
import {
  referenceModal,
  TICKET_PROGRESS_ACTION,
  TICKET_REFERENCE_ACTION,
  TICKET_REFERENCE_CALLBACK_ID,
  TICKET_STATUS_ACTION,
} from '../../render/ticket.js'
import { type ListenerDeps, mayManage } from '../deps.js'
import { refreshHome } from '../home.js'
import { KeyedQueue } from '../keyed-queue.js'
import { updateMessage } from '../post-message.js'
import type { Router } from '../router.js'
import { ticketMessageFor } from '../ticket-view.js'

const REFUSALS = {
  out_of_order: '前の段階がまだ記録されていません。チケットの表示を更新してから、順に押してください。',
  closed: 'このチケットは完了または取り下げ済みのため、変更できません。',
  not_sent: '解決にできるのは送信済みのチケットだけです。先に「送信した」を押してください。',
  unknown_milestone: 'このボタンは古いか壊れています。',
  unknown_ticket: 'このチケットは見つかりませんでした。',
  not_owner: 'このチケットを変更できるのは、依頼した本人か管理者だけです。',
} as const

const isDirectDebitMilestone = (m: string): m is DirectDebitMilestone =>
  (DIRECT_DEBIT_MILESTONES as readonly string[]).includes(m)

/**
 * Applies one change to a ticket: stored, the message updated, follow-up reminders moved on, the
 * requester's App Home refreshed. Changes to one ticket run one after another, in arrival order.
 */
/** Who asks to change which ticket, and how to tell them when the answer is no. */
interface ChangeRequest {
  client: WebClient
  ticketId: string
  user: string
  refuse: (text: string) => Promise<unknown>
}

async function applyChange(
  deps: ListenerDeps,
  queue: KeyedQueue,
  { client, ticketId, user, refuse }: ChangeRequest,
  decide: (ticket: Ticket, change: { by: string; now: Date }) => TicketChange,
): Promise<void> {
  await queue.run(ticketId, async () => {
    const ticket = deps.tickets.get(ticketId)
    if (!ticket) return void (await refuse(REFUSALS.unknown_ticket))
    if (!mayManage(deps, user, ticket.requester)) return void (await refuse(REFUSALS.not_owner))
    const outcome = decide(ticket, { by: user, now: deps.clock.now() })
    if (outcome.kind === 'refused') return void (await refuse(REFUSALS[outcome.reason]))
    if (outcome.kind === 'unchanged') return
    const changed = outcome.ticket
    await deps.tickets.save(changed)
    if (ticket.message) await updateMessage(client, ticket.message, ticketMessageFor(deps, changed), refuse)
    const reached = changed.progress.at(-1)?.milestone
    if (changed.kind === 'direct_debit' && reached && reached !== ticket.progress.at(-1)?.milestone) {
      if (isDirectDebitMilestone(reached)) await deps.reminderService.onDirectDebitMilestone(changed, reached)
    }
    if (changed.status === 'resolved' || changed.status === 'cancelled') {
      await deps.reminderService.withdraw((r) => r.ticketId === changed.id)
    }
    await refreshHome(deps, client, changed.requester)
  })
}

/**
 * The buttons on a ticket message: 「送信した」 and direct debit's later steps, 「解決した」,
 * 「取り下げる」, and 「受付番号を記録」 (a small modal).
 */
export function registerTicketActions(app: Router, deps: ListenerDeps): void {
  const queue = new KeyedQueue()
  const ephemeral = (respond: (m: object) => Promise<unknown>) => (text: string) =>
    respond({ response_type: 'ephemeral', replace_original: false, text })

  app.action(TICKET_PROGRESS_ACTION, async ({ ack, action, body, client, respond }) => {
    await ack()
    const [ticketId = '', milestone = ''] = action.value?.split(':') ?? []
    const request = { client, ticketId, user: body.user.id, refuse: ephemeral(respond) }
    await applyChange(deps, queue, request, (t, change) => reportMilestone(t, milestone, change))
  })

  app.action(TICKET_STATUS_ACTION, async ({ ack, action, body, client, respond }) => {
    await ack()
    const [ticketId = '', to = ''] = action.value?.split(':') ?? []
    if (to !== 'resolved' && to !== 'cancelled')
      return void (await ephemeral(respond)(REFUSALS.unknown_milestone))
    const request = { client, ticketId, user: body.user.id, refuse: ephemeral(respond) }
    await applyChange(deps, queue, request, (t, change) => closeTicket(t, to, change))
  })

  app.action(TICKET_REFERENCE_ACTION, async ({ ack, action, body, client }) => {
    await ack()
    const ticket = deps.tickets.get(action.value ?? '')
    if (!ticket) return
    await client.views.open({ trigger_id: body.trigger_id, view: referenceModal(ticket) })
  })

  app.view(TICKET_REFERENCE_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const raw = Object.values(view.state.values.reference ?? {})[0]?.value ?? ''
    if (raw.length > 100) {
      await ack({
        response_action: 'errors',
        errors: { reference: '受付番号は 100 文字以内で入力してください。' },
      })
      return
    }
    await ack()
    // The modal is closed by now: a refusal goes to the user's DM.
    const refuse = (text: string) => client.chat.postMessage({ channel: body.user.id, text })
    const request = { client, ticketId: view.private_metadata, user: body.user.id, refuse }
    await applyChange(deps, queue, request, (t, change) => recordReference(t, raw, change))
  })
}
