import { z } from 'zod'

/**
 * What the desk learns from the guide's answers (issue 29): a question the bot declined, and an
 * answer someone marked 「違う」, kept (masked) so the knowledge base can be extended where it
 * falls short. Answers nobody objected to are not kept.
 */
export const QUESTION_OUTCOMES = ['declined', 'wrong'] as const
export type QuestionOutcome = (typeof QUESTION_OUTCOMES)[number]

export const questionRecordSchema = z.object({
  id: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
  /** The question with operator IDs, e-mail addresses and long digit runs masked. */
  question: z.string().max(500),
  outcome: z.enum(QUESTION_OUTCOMES),
  /** The § the bot answered with (for `wrong`). */
  section: z.string().optional(),
  user: z.string(),
})
export type QuestionRecord = z.infer<typeof questionRecordSchema>

/** How long the report looks back. */
export const REPORT_DAYS = 30

/**
 * Masks what identifies an account or a person: operator IDs (`OP0123456789` → `OP**********`),
 * e-mail addresses, and runs of 7 or more digits (phone, SIM and card numbers).
 */
export function maskQuestion(question: string): string {
  return question
    .normalize('NFKC')
    .slice(0, 500)
    .replace(/OP\d{10}/gi, 'OP**********')
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '***@***')
    .replace(/\d[\d-]{5,}\d/g, (digits) => digits.replace(/\d/g, '*'))
}

/** One line of the report: a question asked (as masked), how often, and what the bot answered. */
export interface ReportLine {
  question: string
  count: number
  /** The sections it was answered with, for `wrong`. */
  sections: string[]
  last: string
}

export interface QuestionReport {
  since: string
  declined: ReportLine[]
  wrong: ReportLine[]
}

/** Where the report's REPORT_DAYS days begin (ISO 8601). */
export const reportSince = (now: Date): string =>
  new Date(now.getTime() - REPORT_DAYS * 86_400_000).toISOString()

/** The last REPORT_DAYS days' declined and disliked questions, the same wording counted together, most asked first. */
export function questionReport(records: readonly QuestionRecord[], now: Date): QuestionReport {
  const since = reportSince(now)
  const lines = (outcome: QuestionOutcome): ReportLine[] => {
    const groups = new Map<string, ReportLine>()
    for (const r of records) {
      if (r.outcome !== outcome || r.at < since) continue
      const key = r.question.toLowerCase().replace(/[\s\p{P}]/gu, '')
      const line = groups.get(key) ?? { question: r.question, count: 0, sections: [], last: r.at }
      line.count += 1
      if (r.section && !line.sections.includes(r.section)) line.sections.push(r.section)
      if (r.at > line.last) line.last = r.at
      groups.set(key, line)
    }
    return [...groups.values()].sort((a, b) => b.count - a.count || b.last.localeCompare(a.last))
  }
  return { since, declined: lines('declined'), wrong: lines('wrong') }
}
