import type { ListenerDeps } from '../deps.js'
import type { Router } from '../router.js'
import { registerChecklistToggle } from './checklist-toggle.js'
import { registerHomeStart } from './home-start.js'
import { registerOperatorActions } from './operators.js'
import { registerReissueRemind } from './reissue-remind.js'
import { registerReminderCancel } from './reminder-cancel.js'
import { registerTicketActions } from './ticket-actions.js'
import { registerTicketsPage } from './tickets-page.js'

export function registerActions(app: Router, deps: ListenerDeps): void {
  registerChecklistToggle(app, deps)
  registerHomeStart(app, deps)
  registerOperatorActions(app, deps)
  registerReissueRemind(app, deps)
  registerTicketActions(app, deps)
  registerTicketsPage(app, deps)
  registerReminderCancel(app, deps)
}
