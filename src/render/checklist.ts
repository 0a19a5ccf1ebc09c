import type { ChecklistView } from './checklist-view.js'
import { checklistMessage, type SlackMessage } from './messages.js'
import type { Renderer } from './templates.js'

/** Renders a checklist as it stands: when it is first posted and after every tick. */
export function renderChecklist(renderer: Renderer, view: ChecklistView): SlackMessage {
  return checklistMessage(view, renderer.guidance(view.header.template, view.header.model), view.fallback)
}
