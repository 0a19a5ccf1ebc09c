import { z } from 'zod'
import type { AppDeps } from '../../app/deps.js'
import { requestInvoiceMerge } from '../../app/request-invoice-merge.js'
import { type InvoiceMergeRequest, MERGE_MODES } from '../../domain/invoice-merge.js'
import { parseOperatorId } from '../../domain/operator-id.js'
import { FORM_ERRORS } from '../../render/form-errors.js'
import { parseProblemText } from '../../render/problems.js'
import { operatorIdListField } from '../fields.js'
import { submission, type ViewListener } from './submission.js'

export const invoiceMergeForm = z
  .object({
    mode: z.enum(MERGE_MODES, {
      error: FORM_ERRORS.mergeMode,
    }),
    source_operator_ids: operatorIdListField,
    target_operator_id: z
      .string()
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined || raw.trim() === '') return undefined
        const result = parseOperatorId(raw)
        if (!result.ok) {
          ctx.addIssue({
            code: 'custom',
            message: FORM_ERRORS.mergeTargetOne(parseProblemText(result.problem)),
          })
          return z.NEVER
        }
        return result.value
      }),
  })
  .transform(
    (f): InvoiceMergeRequest => ({
      mode: f.mode,
      sources: f.source_operator_ids,
      target: f.target_operator_id,
    }),
  )

/** view_submission of the merge modal: a 請求統合 ticket, or the NP MyPage checklist (§3.4.3). */
export const invoiceMergeSubmission = (deps: AppDeps): ViewListener =>
  submission(deps, invoiceMergeForm, (input) => requestInvoiceMerge(deps, input))
