import type { Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt'
import type { z } from 'zod'
import type { SubmissionOutcome } from '../../app/deps.js'
import type { Origin } from '../../app/ports.js'
import { errorCode } from '../../errors.js'
import { decodeOrigin } from '../private-metadata.js'
import { parseViewFields } from '../view-state.js'

/** The inline answer when the store could not write the request (disk full, read-only). */
export const NOT_SAVED =
  '保存できなかったため、この依頼はまだ受け付けられていません。しばらくしてから、もう一度「送信」を押してください。'

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
  return async (args) => {
    // A payload without `state` (not one Slack sends, but possible): every field is missing.
    const parsed = parseViewFields(form, args.view.state?.values ?? {})
    if (!parsed.ok) {
      await args.ack({ response_action: 'errors', errors: parsed.errors })
      return
    }
    await completeSubmission(args, parsed.value, run)
  }
}

/**
 * The rest of a submission once its fields are parsed: the use case decides and stores, the ack
 * closes the modal or names the bad fields (or says nothing was saved), then what follows the ack.
 */
export async function completeSubmission<T>(
  { ack, body, view, logger }: Parameters<ViewListener>[0],
  request: T,
  run: (input: { request: T; origin: Origin; viewId: string }) => Promise<SubmissionOutcome>,
): Promise<void> {
  const values = view.state?.values ?? {}
  const origin = decodeOrigin(view.private_metadata, body.user.id)
  let outcome: SubmissionOutcome
  try {
    outcome = await run({ request, origin, viewId: view.id })
  } catch (error) {
    // Nothing was kept (the store rolled the change back): say so on the form, which stays
    // open with the user's answers, so they can send it again.
    logger.error('submission not saved', { error: errorCode(error), callbackId: view.callback_id })
    const field = Object.keys(values)[0]
    await ack(field ? { response_action: 'errors', errors: { [field]: NOT_SAVED } } : undefined)
    return
  }
  if (outcome.kind === 'invalid') {
    await ack({ response_action: 'errors', errors: outcome.errors })
    return
  }
  await ack()
  await outcome.afterAck()
}
