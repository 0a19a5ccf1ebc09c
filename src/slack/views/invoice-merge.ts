import { z } from 'zod'
import type { AppDeps } from '../../app/deps.js'
import { requestInvoiceMerge } from '../../app/request-invoice-merge.js'
import { type InvoiceMergeRequest, MERGE_MODES } from '../../domain/invoice-merge.js'
import { parseOperatorId } from '../../domain/operator-id.js'
import { operatorIdListField } from '../fields.js'
import { submission, type ViewListener } from './submission.js'

export const invoiceMergeForm = z
  .object({
    mode: z.enum(MERGE_MODES, {
      error: '「1 枚の請求書で複数アカウントを支払う」か「入金口座だけまとめる」を選んでください。',
    }),
    source_operator_ids: operatorIdListField,
    target_operator_id: z
      .string()
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined || raw.trim() === '') return undefined
        const result = parseOperatorId(raw)
        if (!result.ok) {
          ctx.addIssue({ code: 'custom', message: `統合先は 1 つだけ入力してください。${result.error}` })
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
