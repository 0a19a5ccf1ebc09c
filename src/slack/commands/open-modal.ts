import type { ModalView } from '@slack/types'
import type { ListenerDeps } from '../deps.js'
import { encodeOrigin } from '../private-metadata.js'
import type { Router } from '../router.js'

/** What a flow's modal is built from, whether it was opened by a slash command or from App Home. */
export interface ModalRequest {
  /** Text after the command (empty from App Home). */
  text: string
  user: string
  privateMetadata: string
}

export type ModalBuilder = (deps: ListenerDeps, request: ModalRequest) => ModalView

/**
 * Registers a slash command that acks and opens a modal. The trigger_id lives 3 s: the modal is
 * opened right after the ack, before anything slow. The modal remembers the command's channel.
 */
export function registerModalCommand(
  app: Router,
  deps: ListenerDeps,
  name: string,
  build: ModalBuilder,
): void {
  app.command(name, async ({ ack, command, client }) => {
    await ack()
    const privateMetadata = encodeOrigin({ channel: command.channel_id, user: command.user_id })
    const view = build(deps, { text: command.text, user: command.user_id, privateMetadata })
    await client.views.open({ trigger_id: command.trigger_id, view })
  })
}
