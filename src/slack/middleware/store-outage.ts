import type { AnyMiddlewareArgs, Middleware, RespondFn } from '@slack/bolt'
import { errorCode } from '../../errors.js'
import { STORE_UNAVAILABLE_TEXT } from '../../render/refusals.js'
import type { BotContext } from '../context.js'

/**
 * A listener that failed because the store cannot be reached (PostgreSQL down: every query fails
 * at once, store/postgres/health.ts) tells the user so, in their channel, rather than leaving
 * them with silence. Submissions say so on their form (slack/views/submission.ts); this covers
 * commands and buttons. An unanswered request is acknowledged, so Slack shows no error of its own.
 */
export function storeOutage(): Middleware<AnyMiddlewareArgs, BotContext> {
  return async (args) => {
    try {
      await args.next()
    } catch (error) {
      if (errorCode(error) !== 'store_unavailable') throw error
      args.logger.warn('request not served: the store cannot be reached', { error: errorCode(error) })
      const { ack, respond } = args as { ack?: () => Promise<void>; respond?: RespondFn }
      const body = args.body as { type?: string }
      // A modal's submission is never acknowledged empty here: that would close it and lose what was typed.
      if (ack && body.type !== 'view_submission') await ack().catch(() => undefined)
      if (respond)
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: STORE_UNAVAILABLE_TEXT,
        }).catch(() => undefined)
    }
  }
}
