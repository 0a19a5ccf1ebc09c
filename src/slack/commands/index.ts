import type { App } from '@slack/bolt'
import { registerBillingCommand } from './billing.js'
import { registerComingSoonCommands } from './coming-soon.js'
import { registerDirectDebitCommand } from './direct-debit.js'

export function registerCommands(app: App): void {
  registerDirectDebitCommand(app)
  registerComingSoonCommands(app)
  registerBillingCommand(app)
}
