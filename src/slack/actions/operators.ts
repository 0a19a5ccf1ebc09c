import { operatorModal } from '../../render/modals/operator.js'
import { OPERATOR_ADD_ACTION } from '../../render/operators.js'
import type { ListenerDeps } from '../deps.js'
import { encodeOrigin } from '../private-metadata.js'
import type { Router } from '../router.js'

/** 「オペレーターを登録」 under `/billing operators` opens the registration modal. */
export function registerOperatorActions(app: Router, _deps: ListenerDeps): void {
  app.action(OPERATOR_ADD_ACTION, async ({ ack, body, client }) => {
    await ack()
    const user = body.user.id
    const channel = body.channel?.id ?? user
    await client.views.open({
      trigger_id: body.trigger_id,
      view: operatorModal({ privateMetadata: encodeOrigin({ channel, user }) }),
    })
  })
}
