import { operatorModal } from '../../render/modals/operator.js'
import { openModal } from '../open-modal.js'
import { encodeOrigin } from '../private-metadata.js'
import type { ButtonListener } from './button.js'

/** 「オペレーターを登録」 under `/billing operators` opens the registration modal. */
export const operatorAddAction: ButtonListener = async ({ ack, body, client }) => {
  await ack()
  const user = body.user.id
  const channel = body.channel?.id ?? user
  await openModal(
    client,
    body.trigger_id,
    operatorModal({ privateMetadata: encodeOrigin({ channel, user }) }),
  )
}
