import type { AppDeps } from '../../app/deps.js'
import { listTickets } from '../../app/list-tickets.js'
import { decodeTicketPage, renderTicketList } from '../../render/ticket-list.js'
import type { ButtonListener } from './button.js'

/** 前へ / 次へ under `/billing tickets`: replaces the list with the asked page. */
export const ticketsPageAction =
  (deps: AppDeps): ButtonListener =>
  async ({ ack, action, body, respond }) => {
    await ack()
    const asked = decodeTicketPage(action.value ?? '')
    if (!asked) return
    const list = renderTicketList(await listTickets(deps, asked.scope, body.user.id), asked.scope, asked.page)
    await respond({ response_type: 'ephemeral', replace_original: true, ...list })
  }
