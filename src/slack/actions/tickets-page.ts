import type { App, BlockButtonAction } from '@slack/bolt'
import { decodeTicketPage, renderTicketList, TICKETS_PAGE_ACTION } from '../../render/ticket-list.js'
import { ticketsIn } from '../commands/billing.js'
import type { ListenerDeps } from '../deps.js'

/** 前へ / 次へ under `/billing tickets`: replaces the list with the asked page. */
export function registerTicketsPage(app: App, deps: ListenerDeps): void {
  app.action<BlockButtonAction>(TICKETS_PAGE_ACTION, async ({ ack, action, body, respond }) => {
    await ack()
    const asked = decodeTicketPage(action.value ?? '')
    if (!asked) return
    const list = renderTicketList(await ticketsIn(deps, asked.scope, body.user.id), asked.scope, asked.page)
    await respond({ response_type: 'ephemeral', replace_original: true, ...list })
  })
}
