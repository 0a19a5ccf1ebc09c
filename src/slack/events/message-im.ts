import type { Middleware, SlackEventMiddlewareArgs } from '@slack/bolt'
import { askInThread, keepThread } from '../../app/ask-guide.js'
import type { AppDeps } from '../../app/deps.js'
import { keepDeclined } from '../../app/guide-feedback.js'
import { errorCode } from '../../errors.js'
import { answerMessage } from '../../render/answer.js'

/**
 * A direct message to the bot (the App Home Messages tab) is a question: answered from the guide,
 * in the DM, like `/billing ask`. Edits, bot messages and other subtypes are not questions.
 * In a thread the answer stays in the thread, and a follow-up (「カード払いの場合は？」) is read
 * together with the thread's first question.
 */
export const messageIm = (deps: AppDeps): Middleware<SlackEventMiddlewareArgs<'message'>> => {
  return async ({ event, logger }) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined) return
    if ('bot_id' in event && event.bot_id) return
    const text = 'text' in event && typeof event.text === 'string' ? event.text.trim().slice(0, 500) : ''
    if (text === '') return
    const user = 'user' in event && typeof event.user === 'string' ? event.user : ''
    const thread = 'thread_ts' in event && typeof event.thread_ts === 'string' ? event.thread_ts : undefined
    const asked = { channel: event.channel, ts: event.ts, user, question: text }
    const { answer, threadKnown } = await askInThread(deps, {
      ...asked,
      ...(thread ? { threadTs: thread } : {}),
    })
    const message = { ...answerMessage(answer, { question: text }), ...(thread ? { thread_ts: thread } : {}) }
    // A question that starts a thread is kept under its own ts and under the answer's, as a
    // follow-up may be written under either; kept while the answer is posted, not before.
    const kept = threadKnown ? Promise.resolve() : keepThread(deps, { ...asked, ts: thread ?? event.ts })
    const posted = await deps.notifier
      .post({ channel: event.channel, user }, message)
      .catch((error: unknown) => logger.warn('DM answer not delivered', { error: errorCode(error) }))
    if (posted && !thread) await keepThread(deps, { ...asked, ts: posted.ts })
    await kept
    if (answer.kind === 'no_answer') await keepDeclined(deps, { question: text, user })
  }
}
