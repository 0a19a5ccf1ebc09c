import { z } from 'zod'
import { cleanFreeText } from '../domain/free-text.js'
import { parseOperatorIdList } from '../domain/invoice-merge.js'
import { parseOperatorId } from '../domain/operator-id.js'
import { parsePlainDate, parseYearMonth } from '../domain/plain-date.js'
import type { Parsed } from '../domain/result.js'
import { FORM_ERRORS } from '../render/form-errors.js'
import { parseProblemText } from '../render/problems.js'

/**
 * A text field read by one of the domain's parsers: a missing value says what to enter, a bad one
 * carries the parser's message (which shows the expected shape).
 */
export function parsedField<T>(parse: (raw: string) => Parsed<T>, missing: string) {
  return z.string({ error: missing }).transform((raw, ctx) => {
    const result = parse(raw)
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: parseProblemText(result.problem) })
      return z.NEVER
    }
    return result.value
  })
}

/** A modal's operator-ID field: normalised, then validated (§2.1). */
export const operatorIdField = parsedField(parseOperatorId, FORM_ERRORS.operatorIdMissing)

/** One or more operator IDs separated by newlines, commas or spaces. */
export const operatorIdListField = parsedField(parseOperatorIdList, FORM_ERRORS.operatorIdsMissing)

/** A usage month typed as text: `2027-04`, `2027/4`, `2027年4月`. */
export const yearMonthField = parsedField(parseYearMonth, FORM_ERRORS.usageMonthMissing)

/** A datepicker's `YYYY-MM-DD`. */
export const plainDateField = (missing: string) => parsedField(parsePlainDate, missing)

/** Free text that may be left blank: blank becomes undefined; too long is an inline error. */
export function optionalTextField(max: number, tooLong: string) {
  return z
    .string()
    .max(max, { error: tooLong })
    .optional()
    .transform((v) => {
      const cleaned = v === undefined ? '' : cleanFreeText(v).trim()
      return cleaned === '' ? undefined : cleaned
    })
}
