import type { App } from '@slack/bolt'
import type { AppDeps } from '../deps.js'
import { registerDirectDebitSubmission } from './direct-debit.js'

export function registerViews(app: App, deps: AppDeps): void {
  registerDirectDebitSubmission(app, deps)
}
