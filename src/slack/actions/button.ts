import type { BlockButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt'
import type { ChangeOutcome } from '../../app/deps.js'

export type ButtonListener = Middleware<SlackActionMiddlewareArgs<BlockButtonAction>>

/** A note only the clicking user sees, leaving the message with the button as it is. */
export const ephemeral = (respond: SlackActionMiddlewareArgs['respond']) => (text: string) =>
  respond({ response_type: 'ephemeral', replace_original: false, text })

/** What the user is told after a change: why it was refused, or that Slack kept the old message. */
export function noteFor(outcome: ChangeOutcome): string | undefined {
  if (outcome.kind === 'refused') return outcome.text
  return outcome.kind === 'changed' ? outcome.notice : undefined
}
