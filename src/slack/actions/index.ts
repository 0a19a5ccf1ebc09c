import type { App } from '@slack/bolt'
import type { ListenerDeps } from '../deps.js'
import { registerChecklistToggle } from './checklist-toggle.js'
import { registerReissueRemind } from './reissue-remind.js'
import { registerReminderCancel } from './reminder-cancel.js'
import { registerTicketProgress } from './ticket-progress.js'

export function registerActions(app: App, deps: ListenerDeps): void {
  registerChecklistToggle(app, deps)
  registerReissueRemind(app, deps)
  registerTicketProgress(app, deps)
  registerReminderCancel(app, deps)
}
