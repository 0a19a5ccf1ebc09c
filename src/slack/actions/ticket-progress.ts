import type { App, BlockButtonAction } from '@slack/bolt'
import { DIRECT_DEBIT_MILESTONES, type DirectDebitMilestone } from '../../domain/direct-debit.js'
import { reportMilestone } from '../../domain/ticket-progress.js'
import { renderTicketMessage, TICKET_PROGRESS_ACTION } from '../../render/ticket.js'
import type { ListenerDeps } from '../deps.js'
import { KeyedQueue } from '../keyed-queue.js'

const REFUSALS = {
  out_of_order: '前の段階がまだ記録されていません。チケットの表示を更新してから、順に押してください。',
  closed: 'このチケットは完了または取り下げ済みのため、変更できません。',
  unknown_milestone: 'このボタンは古いか壊れています。',
  unknown_ticket: 'このチケットは見つかりませんでした。',
} as const

const isDirectDebitMilestone = (m: string): m is DirectDebitMilestone =>
  (DIRECT_DEBIT_MILESTONES as readonly string[]).includes(m)

/**
 * 「送信した」 and, for direct debit, the later steps: recorded with who and when, the message
 * updated, and the follow-up reminders moved on (moot ones withdrawn, next ones scheduled).
 */
export function registerTicketProgress(app: App, deps: ListenerDeps): void {
  const queue = new KeyedQueue()
  app.action<BlockButtonAction>(TICKET_PROGRESS_ACTION, async ({ ack, action, body, client, respond }) => {
    await ack()
    const [ticketId = '', milestone = ''] = action.value?.split(':') ?? []
    await queue.run(ticketId, async () => {
      const ticket = deps.tickets.get(ticketId)
      const refuse = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text })
      if (!ticket) return void (await refuse(REFUSALS.unknown_ticket))
      const outcome = reportMilestone(ticket, milestone, { by: body.user.id, now: deps.clock.now() })
      if (outcome.kind === 'refused') return void (await refuse(REFUSALS[outcome.reason]))
      if (outcome.kind === 'unchanged') return
      await deps.tickets.save(outcome.ticket)
      if (ticket.message) {
        await client.chat.update({ ...ticket.message, ...renderTicketMessage(deps.renderer, outcome.ticket) })
      }
      if (outcome.ticket.kind === 'direct_debit' && isDirectDebitMilestone(milestone)) {
        await deps.reminderService.onDirectDebitMilestone(outcome.ticket, milestone)
      }
    })
  })
}
