import { setChecklistStep } from '../../domain/checklist.js'
import { CHECKLIST_DEFINITIONS } from '../../domain/checklist-definitions.js'
import { renderChecklist } from '../../render/checklist.js'
import { CHECKLIST_TOGGLE_ACTION } from '../../render/messages.js'
import type { ListenerDeps } from '../deps.js'
import { KeyedQueue } from '../keyed-queue.js'
import { updateMessage } from '../post-message.js'
import type { Router } from '../router.js'

const REFUSALS = {
  unknown_step: 'このチェックリストは見つかりませんでした。もう一度コマンドから作成してください。',
  final_step_locked: '「アカウントを削除する」は、ほかの項目がすべて完了してからチェックできます。',
  completed: 'このチェックリストはすべて完了しています。アカウントは削除済みのため、変更できません。',
} as const

/**
 * A tick or untick on a checklist step (the button says which, so a double click is harmless):
 * stored with who and when, then the message is updated. Clicks on one checklist run in order.
 */
export function registerChecklistToggle(app: Router, deps: ListenerDeps): void {
  const queue = new KeyedQueue()
  app.action(CHECKLIST_TOGGLE_ACTION, async ({ ack, action, body, client, respond }) => {
    await ack()
    const [checklistId = '', key = '', wanted = 'tick'] = action.value?.split(':') ?? []
    await queue.run(checklistId, async () => {
      const checklist = deps.checklists.getChecklist(checklistId)
      if (!checklist) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: REFUSALS.unknown_step })
        return
      }
      const outcome = setChecklistStep(
        checklist,
        key,
        wanted !== 'untick',
        { by: body.user.id, now: deps.clock.now() },
        CHECKLIST_DEFINITIONS[checklist.kind],
      )
      if (outcome.kind === 'refused') {
        await respond({ response_type: 'ephemeral', replace_original: false, text: REFUSALS[outcome.reason] })
        return
      }
      if (outcome.kind === 'unchanged') return
      await deps.checklists.saveChecklist(outcome.checklist)
      const channel = checklist.message?.channel ?? body.channel?.id
      const ts = checklist.message?.ts ?? body.message?.ts
      if (channel && ts) {
        await updateMessage(
          client,
          { channel, ts },
          renderChecklist(deps.renderer, outcome.checklist),
          (text) => respond({ response_type: 'ephemeral', replace_original: false, text }),
        )
      }
      if (outcome.checklist.kind === 'account_deletion' && key === 'payments_complete') {
        await deps.reminderService.onDeletionPaymentStep(outcome.checklist, outcome.action === 'tick')
      }
    })
  })
}
