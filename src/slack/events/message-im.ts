import type { Middleware, SlackEventMiddlewareArgs } from '@slack/bolt'
import { askGuide } from '../../app/ask-guide.js'
import type { AppDeps } from '../../app/deps.js'
import { keepDeclined } from '../../app/guide-feedback.js'
import { errorCode } from '../../errors.js'
import { answerMessage } from '../../render/answer.js'

/** Threads remembered for follow-up questions (in memory: a restart forgets them, which is harmless). */
const THREADS_KEPT = 1000

/**
 * A direct message to the bot (the App Home Messages tab) is a question: answered from the guide,
 * in the DM, like `/billing ask`. Edits, bot messages and other subtypes are not questions.
 * In a thread the answer stays in the thread, and a follow-up (「カード払いの場合は？」) is read
 * together with the thread's first question.
 */
export const messageIm = (deps: AppDeps): Middleware<SlackEventMiddlewareArgs<'message'>> => {
  const threads = new Map<string, string>()
  return async ({ event, logger }) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined) return
    if ('bot_id' in event && event.bot_id) return
    const text = 'text' in event && typeof event.text === 'string' ? event.text.trim().slice(0, 500) : ''
    if (text === '') return
    const user = 'user' in event && typeof event.user === 'string' ? event.user : ''
    const thread = 'thread_ts' in event && typeof event.thread_ts === 'string' ? event.thread_ts : undefined
    const key = `${event.channel}:${thread ?? event.ts}`
    const earlier = threads.get(key)
    // A follow-up is read together with the thread's first question; alone if that finds nothing.
    let answer = askGuide(deps, earlier ? `${earlier} ${text}` : text)
    if (answer.kind === 'no_answer' && earlier) answer = askGuide(deps, text)
    if (!earlier) {
      threads.set(key, text)
      if (threads.size > THREADS_KEPT) threads.delete(threads.keys().next().value ?? '')
    }
    const message = { ...answerMessage(answer, { question: text }), ...(thread ? { thread_ts: thread } : {}) }
    await deps.notifier
      .post({ channel: event.channel, user }, message)
      .catch((error: unknown) => logger.warn('DM answer not delivered', { error: errorCode(error) }))
    if (answer.kind === 'no_answer') await keepDeclined(deps, { question: text, user })
  }
}
