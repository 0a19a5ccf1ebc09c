import type { Middleware, SlackEventMiddlewareArgs } from '@slack/bolt'
import { askGuide } from '../../app/ask-guide.js'
import type { AppDeps } from '../../app/deps.js'
import { errorCode } from '../../errors.js'
import { answerMessage } from '../../render/answer.js'

/**
 * A direct message to the bot (the App Home Messages tab) is a question: answered from the guide,
 * in the DM, like `/billing ask`. Edits, bot messages and other subtypes are not questions.
 */
export const messageIm =
  (deps: AppDeps): Middleware<SlackEventMiddlewareArgs<'message'>> =>
  async ({ event, logger }) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined) return
    if ('bot_id' in event && event.bot_id) return
    const text = 'text' in event && typeof event.text === 'string' ? event.text.trim() : ''
    if (text === '') return
    const user = 'user' in event && typeof event.user === 'string' ? event.user : ''
    const answer = answerMessage(askGuide(deps, text.slice(0, 500)))
    await deps.notifier
      .post({ channel: event.channel, user }, answer)
      .catch((error: unknown) => logger.warn('DM answer not delivered', { error: errorCode(error) }))
  }
