import { z } from 'zod'
import { normalizeOperatorId, OPERATOR_ID_SHAPE, parseOperatorId } from '../domain/operator-id.js'

/** A modal's operator-ID field: normalised, then validated, with the expected shape in the message. */
export const operatorIdField = z
  .string({ error: `オペレーター ID を入力してください。${OPERATOR_ID_SHAPE} です。` })
  .transform((raw, ctx) => {
    const result = parseOperatorId(raw)
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.error })
      return z.NEVER
    }
    return result.value
  })

/** Text after a slash command that pre-fills the operator ID: normalised when valid, else shown as typed. */
export function operatorIdPrefill(commandText: string): string | undefined {
  const text = commandText.trim().split(/\s+/)[0] ?? ''
  if (text === '') return undefined
  const result = parseOperatorId(text)
  return result.ok ? result.value : normalizeOperatorId(text).slice(0, 100)
}
