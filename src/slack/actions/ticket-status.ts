import { changeTicket, TICKET_REFUSALS } from '../../app/change-ticket.js'
import type { AppDeps } from '../../app/deps.js'
import { type ButtonListener, ephemeral, noteFor } from './button.js'

/** 「解決した」 and 「取り下げる」 on a ticket. */
export const ticketStatusAction =
  (deps: AppDeps): ButtonListener =>
  async ({ ack, action, body, respond }) => {
    await ack()
    const tell = ephemeral(respond)
    const [ticketId = '', to = ''] = action.value?.split(':') ?? []
    if (to !== 'resolved' && to !== 'cancelled') return void (await tell(TICKET_REFUSALS.unknown_milestone))
    const outcome = await changeTicket(deps, { ticketId, user: body.user.id, request: { kind: 'close', to } })
    const text = noteFor(outcome)
    if (text) await tell(text)
  }
