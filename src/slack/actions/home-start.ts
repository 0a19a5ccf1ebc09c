import type { AppDeps } from '../../app/deps.js'
import { FLOWS, type Flow, flowModal } from '../../app/prefill-flow.js'
import { encodeOrigin } from '../private-metadata.js'
import type { ButtonListener } from './button.js'

/** The flow buttons on App Home open the same modals as the commands; results go to the user's DM. */
export const homeStartAction =
  (deps: AppDeps): ButtonListener =>
  async ({ ack, action, body, client }) => {
    await ack()
    const flow = action.value as Flow
    if (!FLOWS.includes(flow)) return
    const user = body.user.id
    await client.views.open({
      trigger_id: body.trigger_id,
      view: flowModal(deps, flow, { text: '', privateMetadata: encodeOrigin({ channel: user, user }) }),
    })
  }
