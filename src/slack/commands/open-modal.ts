import type { App, SlashCommand } from '@slack/bolt'
import type { ModalView } from '@slack/types'
import { encodeOrigin } from '../private-metadata.js'

/**
 * Registers a slash command that acks and opens a modal. The trigger_id lives 3 s: the modal is
 * opened right after the ack, before anything slow. The modal remembers the command's channel.
 */
export function registerModalCommand(
  app: App,
  name: string,
  buildModal: (command: SlashCommand, privateMetadata: string) => ModalView,
): void {
  app.command(name, async ({ ack, command, client }) => {
    await ack()
    const privateMetadata = encodeOrigin({ channel: command.channel_id, user: command.user_id })
    await client.views.open({ trigger_id: command.trigger_id, view: buildModal(command, privateMetadata) })
  })
}
