import { z } from 'zod'
import { normalizeOperatorId, OPERATOR_ID_SHAPE, parseOperatorId } from '../domain/operator-id.js'
import { parsePlainDate, parseYearMonth } from '../domain/plain-date.js'

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

/** A usage month typed as text: `2027-04`, `2027/4`, `2027年4月`. */
export const yearMonthField = z
  .string({ error: 'ご利用月を YYYY-MM の形で入力してください（例: 2027-04）。' })
  .transform((raw, ctx) => {
    const result = parseYearMonth(raw)
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.error })
      return z.NEVER
    }
    return result.value
  })

/** A datepicker's `YYYY-MM-DD`. */
export function plainDateField(required: string) {
  return z.string({ error: required }).transform((raw, ctx) => {
    const result = parsePlainDate(raw)
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.error })
      return z.NEVER
    }
    return result.value
  })
}

/** Free text that may be left blank: blank becomes undefined; too long is an inline error. */
export function optionalTextField(max: number, tooLong: string) {
  return z
    .string()
    .max(max, { error: tooLong })
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()))
}
