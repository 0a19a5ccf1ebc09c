import { cancelReminder } from '../../app/cancel-reminder.js'
import type { AppDeps } from '../../app/deps.js'
import { pendingReminders } from '../../app/reminders.js'
import { refusalText } from '../../render/refusals.js'
import { reminderListMessage } from '../../render/reminder.js'
import { type ButtonListener, ephemeral } from './button.js'

/** 「取り消す」 in `/billing reminders`: withdraws the user's own reminder and refreshes the list. */
export const reminderCancelAction =
  (deps: AppDeps): ButtonListener =>
  async ({ ack, action, body, respond }) => {
    await ack()
    const user = body.user.id
    const outcome = await cancelReminder(deps, { reminderId: action.value ?? '', user })
    if (outcome.kind === 'refused') {
      await ephemeral(respond)(refusalText(outcome.refusal))
      return
    }
    const list = reminderListMessage(await pendingReminders(deps, (r) => r.owner === user))
    await respond({ response_type: 'ephemeral', replace_original: true, ...list })
  }
