import type { Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt'
import type { z } from 'zod'
import type { SubmissionOutcome } from '../../app/deps.js'
import type { Origin } from '../../app/ports.js'
import { errorCode } from '../../errors.js'
import { messageModal } from '../../render/modals/elements.js'
import { decodeOrigin } from '../private-metadata.js'
import { parseViewFields } from '../view-state.js'

/** The inline answer when the store could not write the request (disk full, read-only). */
export const NOT_SAVED =
  '保存できなかったため、この依頼はまだ受け付けられていません。しばらくしてから、もう一度「送信」を押してください。'

/**
 * How long a submission may take to decide and store before Slack is answered anyway: Slack gives
 * up after 3 s, network included. A stalled disk then gets 「保存しています」 and the modal is
 * updated with the outcome.
 */
export const SUBMISSION_ACK_BUDGET_MS = 2000

const STILL_SAVING =
  ':hourglass_flowing_sand: 保存に時間がかかっています。保存でき次第、結果をこの画面に表示し、依頼をチャンネルに投稿します。この画面は閉じてもかまいません。'
const SAVED_LATE = ':white_check_mark: 保存しました。依頼をチャンネルに投稿します。'
const NOT_SAVED_LATE =
  ':x: 保存できなかったため、この依頼は受け付けられていません。しばらくしてから、もう一度最初から送信してください。'

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
  args: Parameters<ViewListener>[0],
  request: T,
  run: (input: { request: T; origin: Origin; viewId: string }) => Promise<SubmissionOutcome>,
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
    await ack({ response_action: 'update', view: savingView(view, STILL_SAVING) })
    await finishLate(args, running)
    return
  }
  let outcome: SubmissionOutcome
  try {
    outcome = await running
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

/** The modal, under its own title, while and after a late-stored submission is saved. */
const savingView = (view: Parameters<ViewListener>[0]['view'], text: string) =>
  messageModal(`${view.callback_id}_saving`, view.title?.text ?? '請求サポート', text)

/**
 * The submission was answered 「保存しています」 before it was stored (a stalled disk): the
 * modal, if still open, shows the outcome; what follows a stored request runs as usual. A request
 * that could not be stored is also told by DM, in case the modal was closed.
 */
async function finishLate(
  { body, view, client, logger }: Parameters<ViewListener>[0],
  running: Promise<SubmissionOutcome>,
): Promise<void> {
  // The modal may have been closed meanwhile: then there is nothing to update.
  const show = (text: string) =>
    client.views.update({ view_id: view.id, view: savingView(view, text) }).catch(() => undefined)
  let outcome: SubmissionOutcome
  try {
    outcome = await running
  } catch (error) {
    logger.error('submission not saved (after a late answer)', {
      error: errorCode(error),
      callbackId: view.callback_id,
    })
    await show(NOT_SAVED_LATE)
    await client.chat.postMessage({ channel: body.user.id, text: NOT_SAVED_LATE }).catch(() => undefined)
    return
  }
  if (outcome.kind === 'invalid') {
    const problems = Object.values(outcome.errors).map((e) => `• ${e}`)
    const text = `:x: 入力を確認してください。この依頼は受け付けられていません。\n${problems.join('\n')}`
    await show(text)
    await client.chat.postMessage({ channel: body.user.id, text }).catch(() => undefined)
    return
  }
  await show(SAVED_LATE)
  await outcome.afterAck()
}
