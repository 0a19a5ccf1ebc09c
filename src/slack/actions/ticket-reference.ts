import { TICKET_REFUSALS } from '../../app/change-ticket.js'
import { type AppDeps, mayManage } from '../../app/deps.js'
import { referenceModal } from '../../render/ticket.js'
import { type ButtonListener, ephemeral } from './button.js'

/** 「受付番号を記録」 opens a small modal for SORACOM's or NP's reference number. */
export const ticketReferenceAction =
  (deps: AppDeps): ButtonListener =>
  async ({ ack, action, body, client, respond }) => {
    await ack()
    const ticket = deps.tickets.get(action.value ?? '')
    if (!ticket) return
    if (!mayManage(deps, body.user.id, ticket.requester))
      return void (await ephemeral(respond)(TICKET_REFUSALS.not_owner))
    await client.views.open({ trigger_id: body.trigger_id, view: referenceModal(ticket) })
  }
