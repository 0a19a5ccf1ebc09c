import { changeTicket } from '../../app/change-ticket.js'
import type { AppDeps } from '../../app/deps.js'
import { changeNote, refusalText } from '../../render/refusals.js'
import { type ButtonListener, ephemeral } from './button.js'

/** 「解決した」 and 「取り下げる」 on a ticket. */
export const ticketStatusAction =
  (deps: AppDeps): ButtonListener =>
  async ({ ack, action, body, respond }) => {
    await ack()
    const tell = ephemeral(respond)
    const [ticketId = '', to = ''] = action.value?.split(':') ?? []
    if (to !== 'resolved' && to !== 'cancelled')
      return void (await tell(refusalText({ on: 'ticket', reason: 'unknown_milestone' })))
    const outcome = await changeTicket(deps, { ticketId, user: body.user.id, request: { kind: 'close', to } })
    const text = changeNote(outcome)
    if (text) await tell(text)
  }
