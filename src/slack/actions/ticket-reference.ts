import type { AppDeps } from '../../app/deps.js'
import { referenceModal } from '../../render/ticket.js'
import type { ButtonListener } from './button.js'

/** 「受付番号を記録」 opens a small modal for SORACOM's or NP's reference number. */
export const ticketReferenceAction =
  (deps: AppDeps): ButtonListener =>
  async ({ ack, action, body, client }) => {
    await ack()
    const ticket = deps.tickets.get(action.value ?? '')
    if (!ticket) return
    await client.views.open({ trigger_id: body.trigger_id, view: referenceModal(ticket) })
  }
