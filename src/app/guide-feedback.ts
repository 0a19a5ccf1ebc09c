import { createHash } from 'node:crypto'
import { maskQuestion, type QuestionReport, questionReport, reportSince } from '../domain/guide-feedback.js'
import type { Refusal } from '../domain/outcomes.js'
import type { AppDeps } from './deps.js'
import { refused } from './outcomes.js'

type FeedbackPorts = Pick<AppDeps, 'clock' | 'logger' | 'questions'>

/** A stable id for one question at one moment by one user: the same delivery twice is one record. */
const recordId = (...parts: string[]) =>
  createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 24)

/**
 * A question the guide had no answer for: kept masked for the report. A failure to keep it is
 * logged; the user's answer never waits on it.
 */
export async function keepDeclined(
  deps: FeedbackPorts,
  input: { question: string; user: string },
): Promise<void> {
  const at = deps.clock.now().toISOString()
  try {
    await deps.questions.save({
      id: recordId('declined', input.user, at, input.question),
      at,
      question: maskQuestion(input.question),
      outcome: 'declined',
      user: input.user,
    })
  } catch (error) {
    deps.logger.warn('declined question not kept', { error })
  }
}

/**
 * 「解決した」/「違う」 under an answer. 「違う」 keeps the question (masked) with the § it got, once
 * per answer message and user (`messageTs`); 「解決した」 keeps nothing.
 */
export async function giveFeedback(
  deps: FeedbackPorts,
  input: { user: string; verdict: 'solved' | 'wrong'; question: string; section: string; messageTs: string },
): Promise<{ kind: 'thanked'; verdict: 'solved' | 'wrong' }> {
  deps.logger.info('guide answer feedback', { section: input.section, verdict: input.verdict })
  if (input.verdict === 'wrong') {
    await deps.questions.save({
      id: recordId('wrong', input.user, input.messageTs, input.section),
      at: deps.clock.now().toISOString(),
      question: maskQuestion(input.question),
      outcome: 'wrong',
      section: input.section,
      user: input.user,
    })
  }
  return { kind: 'thanked', verdict: input.verdict }
}

/** `/billing ask report` (admins): the last 30 days' declined and disliked questions, with counts. */
export async function reportQuestions(
  deps: Pick<AppDeps, 'clock' | 'questions'>,
  input: { admin: boolean },
): Promise<{ kind: 'refused'; refusal: Refusal } | ({ kind: 'report' } & QuestionReport)> {
  if (!input.admin) return refused({ on: 'admin_command', reason: 'admins_only' })
  const now = deps.clock.now()
  return { kind: 'report', ...questionReport(await deps.questions.since(reportSince(now)), now) }
}
