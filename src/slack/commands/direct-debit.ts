import type { App } from '@slack/bolt'
import { directDebitModal } from '../../render/modals/direct-debit.js'
import { operatorIdPrefill } from '../fields.js'
import { encodeOrigin } from '../private-metadata.js'

/** `/direct-debit [OP…]` opens the direct-debit modal (flow 3). */
export function registerDirectDebitCommand(app: App): void {
  app.command('/direct-debit', async ({ ack, command, client }) => {
    await ack()
    // trigger_id lives 3 s: open the modal before anything slow.
    await client.views.open({
      trigger_id: command.trigger_id,
      view: directDebitModal({
        operatorId: operatorIdPrefill(command.text),
        privateMetadata: encodeOrigin({ channel: command.channel_id, user: command.user_id }),
      }),
    })
  })
}
