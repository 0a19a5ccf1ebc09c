import { ticketForReference } from '../../app/change-ticket.js'
import type { AppDeps } from '../../app/deps.js'
import { refusalText } from '../../render/refusals.js'
import { referenceModal } from '../../render/ticket.js'
import { openModal } from '../open-modal.js'
import { type ButtonListener, ephemeral } from './button.js'

/** 「受付番号を記録」 opens a small modal for SORACOM's or NP's reference number. */
export const ticketReferenceAction =
  (deps: AppDeps): ButtonListener =>
  async ({ ack, action, body, client, respond }) => {
    await ack()
    const found = await ticketForReference(deps, { ticketId: action.value ?? '', user: body.user.id })
    if (found.kind === 'refused') {
      // A ticket gone (archived, another workspace's) says nothing; someone else's says why not.
      if (found.refusal.on === 'ticket' && found.refusal.reason === 'not_owner')
        await ephemeral(respond)(refusalText(found.refusal))
      return
    }
    await openModal(client, body.trigger_id, referenceModal(found.ticket))
  }
