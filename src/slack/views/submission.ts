import type { Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt'
import type { z } from 'zod'
import type { SubmissionOutcome } from '../../app/deps.js'
import type { Origin } from '../../app/ports.js'
import { decodeOrigin } from '../private-metadata.js'
import { parseViewFields } from '../view-state.js'

export type ViewListener = Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>>

/**
 * A flow modal's view_submission: zod parses `view.state.values` (bad fields → inline errors),
 * the use case decides and stores, the answer closes the modal or names the bad fields, and
 * what follows the ack (posting, reminders) runs after it.
 */
export function submission<T>(
  form: z.ZodType<T>,
  run: (input: { request: T; origin: Origin; viewId: string }) => Promise<SubmissionOutcome>,
): ViewListener {
  return async ({ ack, body, view }) => {
    const parsed = parseViewFields(form, view.state.values)
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: parsed.errors })
      return
    }
    const origin = decodeOrigin(view.private_metadata, body.user.id)
    const outcome = await run({ request: parsed.value, origin, viewId: view.id })
    if (outcome.kind === 'invalid') {
      await ack({ response_action: 'errors', errors: outcome.errors })
      return
    }
    await ack()
    await outcome.afterAck()
  }
}
