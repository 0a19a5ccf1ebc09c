import { z } from 'zod'

/** The chores a guide answer can start (a modal, from the answer's button or App Home). */
export const GUIDE_FLOWS = [
  'invoice_reissue',
  'invoice_merge',
  'direct_debit',
  'account_deletion',
  'payment_error',
  'login_recovery',
  'bank_account_inquiry',
  'company_name_change',
  'invoice_application_check',
] as const
export type GuideFlow = (typeof GUIDE_FLOWS)[number]

/**
 * One section of 「SORACOM 管理の手引き」 that answers something (knowledge/guide.yaml): its §
 * number and title, the ways people ask it, the answer in the project's words, and the chore it
 * can start.
 */
export const guideEntrySchema = z.object({
  id: z.string().regex(/^[1-7](\.\d+){0,2}$/),
  title: z.string().min(1),
  asks: z.array(z.string().min(1)).min(3),
  answer: z.string().min(1).max(2500),
  flow: z.enum(GUIDE_FLOWS).optional(),
})

export type GuideEntry = z.infer<typeof guideEntrySchema>

/** What `/billing ask` and a DM get: the best section and up to two related ones, or no answer. */
export type GuideAnswer =
  | { kind: 'answer'; best: GuideEntry; related: GuideEntry[] }
  | { kind: 'no_answer'; question: string }
