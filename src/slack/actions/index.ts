import type { BlockButtonAction } from '@slack/bolt'
import {
  GUIDE_SHOW_ACTION,
  GUIDE_SOLVED_ACTION,
  GUIDE_START_ACTION,
  GUIDE_WRONG_ACTION,
} from '../../render/answer.js'
import {
  BILL_CSV_ACTION,
  BILL_SHARE_ACTION,
  BILL_SHOW_ACTION,
  BILL_STATEMENT_ACTION,
} from '../../render/bill.js'
import { HOME_START_ACTION } from '../../render/home.js'
import { CHECKLIST_TOGGLE_ACTION, REISSUE_REMIND_ACTION } from '../../render/messages.js'
import { OPERATOR_ADD_ACTION } from '../../render/operators.js'
import { REMINDER_CANCEL_ACTION } from '../../render/reminder.js'
import { TICKET_PROGRESS_ACTION, TICKET_REFERENCE_ACTION, TICKET_STATUS_ACTION } from '../../render/ticket.js'
import { TICKETS_PAGE_ACTION } from '../../render/ticket-list.js'
import type { BotApp } from '../context.js'
import { dispatcher, idPattern, type Route, withSuffix } from '../dispatch.js'
import { billExportAction, billShareAction, billShowAction } from './bill.js'
import type { ButtonListener } from './button.js'
import { checklistToggleAction } from './checklist-toggle.js'
import { guideShowAction, guideStartAction } from './guide.js'
import { guideFeedbackAction } from './guide-feedback.js'
import { operatorAddAction } from './operator-add.js'
import { reissueRemindAction } from './reissue-remind.js'
import { reminderCancelAction } from './reminder-cancel.js'
import { ticketProgressAction } from './ticket-progress.js'
import { ticketReferenceAction } from './ticket-reference.js'
import { ticketStatusAction } from './ticket-status.js'
import { ticketsPageAction } from './tickets-page.js'

/** Every button, by its action_id (the ids live next to the blocks that carry them, in render/). */
export const ACTION_ROUTES: ReadonlyArray<Route<ButtonListener>> = [
  [TICKET_PROGRESS_ACTION, (deps) => ticketProgressAction(deps)],
  [TICKET_STATUS_ACTION, (deps) => ticketStatusAction(deps)],
  [TICKET_REFERENCE_ACTION, (deps) => ticketReferenceAction(deps)],
  [CHECKLIST_TOGGLE_ACTION, (deps) => checklistToggleAction(deps)],
  [REISSUE_REMIND_ACTION, (deps) => reissueRemindAction(deps)],
  [REMINDER_CANCEL_ACTION, (deps) => reminderCancelAction(deps)],
  [TICKETS_PAGE_ACTION, (deps) => ticketsPageAction(deps)],
  [OPERATOR_ADD_ACTION, () => operatorAddAction],
  // App Home's chore buttons open the same modals as an answer's button.
  [HOME_START_ACTION, (deps) => guideStartAction(deps, { toDm: true })],
  [BILL_CSV_ACTION, (deps) => billExportAction(deps, 'csv')],
  [BILL_STATEMENT_ACTION, (deps) => billExportAction(deps, 'statement')],
  [BILL_SHARE_ACTION, (deps) => billShareAction(deps)],
  // Answers from the guide: `guide_start[:flow]` starts a chore, `guide_show:n` shows a related section.
  [withSuffix(GUIDE_START_ACTION), (deps) => guideStartAction(deps)],
  [withSuffix(GUIDE_SHOW_ACTION), (deps) => guideShowAction(deps)],
  [GUIDE_SOLVED_ACTION, (deps) => guideFeedbackAction(deps, 'solved')],
  [GUIDE_WRONG_ACTION, (deps) => guideFeedbackAction(deps, 'wrong')],
  // One button per linked operator in a list: `bill_show:OP…:jp`.
  [withSuffix(BILL_SHOW_ACTION), (deps) => billShowAction(deps)],
]

/** One Bolt listener for every button, dispatching by action_id (slack/dispatch.ts says why). */
export function registerActions(app: BotApp): void {
  app.action<BlockButtonAction>(
    { type: 'block_actions', action_id: idPattern(ACTION_ROUTES) },
    dispatcher(ACTION_ROUTES, (args) => args.action.action_id),
  )
}
