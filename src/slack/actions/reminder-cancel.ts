import { REMINDER_CANCEL_ACTION, reminderListMessage } from '../../render/reminder.js'
import { type ListenerDeps, mayManage } from '../deps.js'
import { refreshHome } from '../home.js'
import type { Router } from '../router.js'

/** 「取り消す」 in `/billing reminders`: withdraws the user's own reminder and refreshes the list. */
export function registerReminderCancel(app: Router, deps: ListenerDeps): void {
  app.action(REMINDER_CANCEL_ACTION, async ({ ack, action, body, respond, client }) => {
    await ack()
    const user = body.user.id
    const reminder = deps.reminders.getReminder(action.value ?? '')
    if (!reminder || !mayManage(deps, user, reminder.owner)) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: '取り消せるのは自分のリマインダーだけです（管理者を除く）。',
      })
      return
    }
    await deps.reminderService.withdraw((r) => r.id === reminder.id)
    const list = reminderListMessage(deps.reminderService.pendingFor((r) => r.owner === user))
    await respond({ response_type: 'ephemeral', replace_original: true, ...list })
    await refreshHome(deps, client, user)
  })
}
