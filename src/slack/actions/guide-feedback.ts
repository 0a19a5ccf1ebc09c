import type { AppDeps } from '../../app/deps.js'
import { giveFeedback } from '../../app/guide-feedback.js'
import { errorCode } from '../../errors.js'
import { brokenButtonText } from '../../render/access.js'
import { FEEDBACK_TEXT, type FeedbackValue } from '../../render/answer.js'
import { type ButtonListener, ephemeral } from './button.js'

function parseValue(raw: string | undefined): FeedbackValue | undefined {
  try {
    const value = JSON.parse(raw ?? '') as Partial<FeedbackValue>
    return typeof value.s === 'string' && typeof value.q === 'string' ? { s: value.s, q: value.q } : undefined
  } catch {
    return undefined
  }
}

/**
 * 「解決した」/「違う」 under an answer (ephemeral in a channel, or in the DM): kept once per answer
 * message and user, answered to the clicking user only. A failure to keep it still thanks them
 * (it is logged): nothing they typed is at stake.
 */
export const guideFeedbackAction =
  (deps: AppDeps, verdict: 'solved' | 'wrong'): ButtonListener =>
  async ({ ack, action, body, respond, logger }) => {
    await ack()
    const value = parseValue(action.value)
    const tell = ephemeral(respond)
    if (!value) return void (await tell(brokenButtonText('/billing ask')))
    const messageTs = body.container?.message_ts ?? body.message?.ts ?? body.container?.thread_ts ?? ''
    await giveFeedback(deps, {
      user: body.user.id,
      verdict,
      question: value.q,
      section: value.s,
      messageTs,
    }).catch((error: unknown) => logger.warn('guide feedback not kept', { error: errorCode(error) }))
    if (body.response_url) await tell(FEEDBACK_TEXT[verdict])
    else await deps.notifier.tell({ channel: body.user.id, user: body.user.id }, FEEDBACK_TEXT[verdict])
  }
