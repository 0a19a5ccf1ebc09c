import { errorCode } from '../errors.js'
import type { Button } from '../render/messages.js'
import { guidanceMessage } from '../render/messages.js'
import type { AppDeps } from './deps.js'
import type { Origin } from './ports.js'

/**
 * Posts a message that ends a flow without a record (ineligible, no invoice, too early). Nothing
 * was stored, so a refusal by Slack is logged and the user is told, if Slack lets us.
 */
export async function postGuidance(
  deps: AppDeps,
  origin: Origin,
  template: string,
  model: object,
  fallback: string,
  buttons: Button[] = [],
): Promise<void> {
  const message = guidanceMessage(deps.renderer.guidance(template, model), fallback, buttons)
  try {
    await deps.notifier.post(origin, message)
  } catch (error) {
    deps.logger.warn('guidance not delivered', { error: errorCode(error), template })
  }
}
