import type { ViewStateValue } from '@slack/bolt'
import type { z } from 'zod'

export type ViewStateValues = Record<string, Record<string, ViewStateValue>>
export type FieldValue = string | string[] | undefined

/** Flattens `view.state.values` into `{ [block_id]: value }`, one value per input block. */
export function readViewFields(values: ViewStateValues): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {}
  for (const [blockId, actions] of Object.entries(values)) {
    const state = Object.values(actions)[0]
    if (state) fields[blockId] = readElement(state)
  }
  return fields
}

function readElement(state: ViewStateValue): FieldValue {
  switch (state.type) {
    case 'static_select':
    case 'radio_buttons':
    case 'external_select':
      return state.selected_option?.value ?? undefined
    case 'checkboxes':
    case 'multi_static_select':
      return (state.selected_options ?? []).map((o) => o.value)
    case 'datepicker':
      return state.selected_date ?? undefined
    case 'conversations_select':
      return state.selected_conversation ?? undefined
    default:
      return state.value ?? undefined
  }
}

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> }

/**
 * Parses a submission with the flow's schema, whose keys are the modal's block_ids. Each bad field
 * becomes one inline error on its block, as `response_action: "errors"` expects.
 */
export function parseViewFields<T>(schema: z.ZodType<T>, values: ViewStateValues): FormResult<T> {
  const result = schema.safeParse(readViewFields(values))
  if (result.success) return { ok: true, value: result.data }
  return { ok: false, errors: issuesToBlockErrors(result.error.issues) }
}

export function issuesToBlockErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of issues) {
    const blockId = String(issue.path[0] ?? '')
    if (blockId !== '' && !(blockId in errors)) errors[blockId] = issue.message
  }
  return errors
}
