import type { App } from '@slack/bolt'
import type { AppDeps } from '../deps.js'
import { registerChecklistToggle } from './checklist-toggle.js'
import { registerReissueRemind } from './reissue-remind.js'

export function registerActions(app: App, deps: AppDeps): void {
  registerChecklistToggle(app, deps)
  registerReissueRemind(app, deps)
}
