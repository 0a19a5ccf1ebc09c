import { operatorModal } from '../../render/modals/operator.js'
import { encodeOrigin } from '../private-metadata.js'
import type { ButtonListener } from './button.js'

/** 「オペレーターを登録」 under `/billing operators` opens the registration modal. */
export const operatorAddAction: ButtonListener = async ({ ack, body, client }) => {
  await ack()
  const user = body.user.id
  const channel = body.channel?.id ?? user
  await client.views.open({
    trigger_id: body.trigger_id,
    view: operatorModal({ privateMetadata: encodeOrigin({ channel, user }) }),
  })
}
