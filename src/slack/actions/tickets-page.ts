import { decodeTicketPage, renderTicketList, TICKETS_PAGE_ACTION } from '../../render/ticket-list.js'
import { ticketsIn } from '../commands/billing.js'
import type { ListenerDeps } from '../deps.js'
import type { Router } from '../router.js'

/** 前へ / 次へ under `/billing tickets`: replaces the list with the asked page. */
export function registerTicketsPage(app: Router, deps: ListenerDeps): void {
  app.action(TICKETS_PAGE_ACTION, async ({ ack, action, body, respond }) => {
    await ack()
    const asked = decodeTicketPage(action.value ?? '')
    if (!asked) return
    const list = renderTicketList(await ticketsIn(deps, asked.scope, body.user.id), asked.scope, asked.page)
    await respond({ response_type: 'ephemeral', replace_original: true, ...list })
  })
}
