import type { App } from '@slack/bolt'
import type { ListenerDeps } from '../deps.js'
import { registerChecklistToggle } from './checklist-toggle.js'
import { registerReissueRemind } from './reissue-remind.js'

export function registerActions(app: App, deps: ListenerDeps): void {
  registerChecklistToggle(app, deps)
  registerReissueRemind(app, deps)
}
