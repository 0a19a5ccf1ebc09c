import type { AppDeps } from '../../app/deps.js'
import { FLOWS, type Flow, flowPrefill } from '../../app/prefill-flow.js'
import { errorCode } from '../../errors.js'
import { brokenButtonText } from '../../render/access.js'
import { sectionMessage } from '../../render/answer.js'
import { flowModalView } from '../../render/modals/flows.js'
import { encodeOrigin } from '../private-metadata.js'
import { type ButtonListener, ephemeral } from './button.js'

/**
 * A button that starts a chore — under an answer, or on App Home (`home_start_<flow>`): the
 * chore's modal, pre-filled as the slash command would, whose result goes back where the button
 * was (the channel or the DM); App Home's buttons (`toDm`) answer in the user's DM.
 */
export const guideStartAction =
  (deps: AppDeps, options: { toDm?: boolean } = {}): ButtonListener =>
  async ({ ack, action, body, client, logger }) => {
    await ack()
    const flow = action.value as Flow
    if (!FLOWS.includes(flow)) return
    const user = body.user.id
    const channel = options.toDm ? user : (body.channel?.id ?? user)
    await client.views
      .open({
        trigger_id: body.trigger_id,
        view: flowModalView(await flowPrefill(deps, flow, ''), encodeOrigin({ channel, user })),
      })
      .catch((error: unknown) => logger.warn('guide flow not opened', { error: errorCode(error), flow }))
  }

/**
 * A related section's button (or a guided answer on App Home): that section's answer, to the
 * clicking user only — ephemeral in a channel, in the DM from App Home.
 */
export const guideShowAction =
  (deps: AppDeps): ButtonListener =>
  async ({ ack, action, body, respond }) => {
    await ack()
    const entry = deps.answers.entry(action.value ?? '')
    if (!entry) {
      await ephemeral(respond)(brokenButtonText('/billing ask'))
      return
    }
    const message = sectionMessage(entry)
    if (body.container?.type === 'view' || !body.response_url) {
      const user = body.user.id
      await deps.notifier.post({ channel: user, user }, message)
      return
    }
    await respond({ response_type: 'ephemeral', replace_original: false, ...message })
  }
