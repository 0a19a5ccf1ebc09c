import type { BlockButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt'
import type { BotContext } from '../context.js'

export type ButtonListener = Middleware<SlackActionMiddlewareArgs<BlockButtonAction>, BotContext>

/** A note only the clicking user sees, leaving the message with the button as it is. */
export const ephemeral = (respond: SlackActionMiddlewareArgs['respond']) => (text: string) =>
  respond({ response_type: 'ephemeral', replace_original: false, text })
