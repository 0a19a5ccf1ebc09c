import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt'
import type { AppDeps } from '../../app/deps.js'
import { type Flow, flowPrefill } from '../../app/prefill-flow.js'
import { flowModalView } from '../../render/modals/flows.js'
import type { BotContext } from '../context.js'
import { openModal } from '../open-modal.js'
import { encodeOrigin } from '../private-metadata.js'

export type CommandListener = Middleware<SlackCommandMiddlewareArgs, BotContext>

/**
 * A flow's slash command: ack, then open its modal at once — the trigger_id lives 3 s, so nothing
 * slow comes first. The modal remembers the command's channel for the result.
 */
export function openFlowModal(deps: AppDeps, flow: Flow): CommandListener {
  return async ({ ack, command, client }) => {
    await ack()
    const privateMetadata = encodeOrigin({ channel: command.channel_id, user: command.user_id })
    await openModal(
      client,
      command.trigger_id,
      flowModalView(await flowPrefill(deps, flow, command.text), privateMetadata),
    )
  }
}
