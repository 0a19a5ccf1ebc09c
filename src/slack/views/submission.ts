import type { Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt'
import type { z } from 'zod'
import type { AppDeps } from '../../app/deps.js'
import { followUp } from '../../app/follow-up.js'
import type { SubmissionOutcome } from '../../app/outcomes.js'
import type { Origin } from '../../app/ports.js'
import { errorCode } from '../../errors.js'
import {
  invalidLateText,
  NOT_SAVED,
  NOT_SAVED_LATE,
  SAVED_LATE,
  STILL_SAVING,
  savingModal,
} from '../../render/modals/submission.js'
import { fieldErrors } from '../../render/problems.js'
import type { BotContext } from '../context.js'
import { decodeOrigin } from '../private-metadata.js'
import { parseViewFields } from '../view-state.js'

/**
 * How long a submission may take to decide and store before Slack is answered anyway: Slack gives
 * up after 3 s, network included. A stalled disk then gets 「保存しています」 and the modal is
 * updated with the outcome.
 */
export const SUBMISSION_ACK_BUDGET_MS = 2000

export type ViewListener = Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>, BotContext>

/** A submission use case: decides (and stores) from the parsed form; no Slack call before the ack. */
export type SubmitUseCase<T> = (input: {
  request: T
  origin: Origin
  viewId: string
}) => Promise<SubmissionOutcome>

/**
 * A flow modal's view_submission: zod parses `view.state.values` (bad fields → inline errors),
 * the use case decides and stores, the ack closes the modal or names the bad fields, then the
 * outcome's one follow-up step (posting, reminders) runs.
 */
export function submission<T>(deps: AppDeps, form: z.ZodType<T>, run: SubmitUseCase<T>): ViewListener {
  return async (args) => {
    // A payload without `state` (not one Slack sends, but possible): every field is missing.
    const parsed = parseViewFields(form, args.view.state?.values ?? {})
    if (!parsed.ok) {
      await args.ack({ response_action: 'errors', errors: parsed.errors })
      return
    }
    await completeSubmission(deps, args, parsed.value, run)
  }
}

/** The ack that keeps the form open with its answers and says nothing was saved (on its first field). */
export function notSavedAck(
  values: Record<string, unknown>,
): { response_action: 'errors'; errors: Record<string, string> } | undefined {
  const field = Object.keys(values)[0]
  return field ? { response_action: 'errors', errors: { [field]: NOT_SAVED } } : undefined
}

/**
 * The rest of a submission once its fields are parsed: the use case decides and stores, the ack
 * closes the modal or names the bad fields (or says nothing was saved), then the follow-up step.
 */
export async function completeSubmission<T>(
  deps: AppDeps,
  args: Parameters<ViewListener>[0],
  request: T,
  run: SubmitUseCase<T>,
): Promise<void> {
  const { ack, body, view, logger } = args
  const values = view.state?.values ?? {}
  const origin = decodeOrigin(view.private_metadata, body.user.id)
  const running = run({ request, origin, viewId: view.id })
  let timer: NodeJS.Timeout | undefined
  const inTime = await Promise.race([
    running.then(
      () => true,
      () => true,
    ),
    new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), SUBMISSION_ACK_BUDGET_MS)
    }),
  ])
  clearTimeout(timer)
  if (!inTime) {
    await ack({ response_action: 'update', view: savingModal(view, STILL_SAVING) })
    await finishLate(deps, args, running)
    return
  }
  let outcome: SubmissionOutcome
  try {
    outcome = await running
  } catch (error) {
    // The same submission, delivered to another replica too, was stored there: that one posts it.
    if (errorCode(error) === 'already_submitted') {
      await ack()
      return
    }
    // Nothing was kept (the store rolled the change back): say so on the form, which stays
    // open with the user's answers, so they can send it again.
    logger.error('submission not saved', { error: errorCode(error), callbackId: view.callback_id })
    await ack(notSavedAck(values))
    return
  }
  if (outcome.kind === 'invalid') {
    await ack({ response_action: 'errors', errors: fieldErrors(outcome.problems) })
    return
  }
  await ack()
  await followUp(deps, outcome)
}

/**
 * The submission was answered 「保存しています」 before it was stored (a stalled disk): the
 * modal, if still open, shows the outcome; what follows a stored request runs as usual. A request
 * that could not be stored is also told by DM, in case the modal was closed.
 */
async function finishLate(
  deps: AppDeps,
  { body, view, client, logger }: Parameters<ViewListener>[0],
  running: Promise<SubmissionOutcome>,
): Promise<void> {
  // The modal may have been closed meanwhile: then there is nothing to update.
  const show = (text: string) =>
    client.views.update({ view_id: view.id, view: savingModal(view, text) }).catch(() => undefined)
  let outcome: SubmissionOutcome
  try {
    outcome = await running
  } catch (error) {
    if (errorCode(error) === 'already_submitted') {
      await show(SAVED_LATE)
      return
    }
    logger.error('submission not saved (after a late answer)', {
      error: errorCode(error),
      callbackId: view.callback_id,
    })
    await show(NOT_SAVED_LATE)
    await client.chat.postMessage({ channel: body.user.id, text: NOT_SAVED_LATE }).catch(() => undefined)
    return
  }
  if (outcome.kind === 'invalid') {
    const text = invalidLateText(outcome.problems)
    await show(text)
    await client.chat.postMessage({ channel: body.user.id, text }).catch(() => undefined)
    return
  }
  await show(SAVED_LATE)
  await followUp(deps, outcome)
}
