import type { AppDeps } from '../../app/deps.js'
import { toggleChecklistStep } from '../../app/toggle-checklist-step.js'
import { changeNote } from '../../render/refusals.js'
import { type ButtonListener, ephemeral } from './button.js'

/** 完了にする / 取り消す on a checklist step; the button's value says which. */
export const checklistToggleAction =
  (deps: AppDeps): ButtonListener =>
  async ({ ack, action, body, respond }) => {
    await ack()
    const [checklistId = '', step = '', wanted = 'tick'] = action.value?.split(':') ?? []
    const channel = body.channel?.id
    const ts = body.message?.ts
    const outcome = await toggleChecklistStep(deps, {
      checklistId,
      step,
      tick: wanted !== 'untick',
      user: body.user.id,
      ...(channel && ts ? { message: { channel, ts } } : {}),
    })
    const text = changeNote(outcome)
    if (text) await ephemeral(respond)(text)
  }
