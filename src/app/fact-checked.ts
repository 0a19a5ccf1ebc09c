import { normalizeOperatorId } from '../domain/operator-id.js'
import type { FieldProblems } from '../domain/outcomes.js'
import type { OperatorLink } from '../domain/soracom-link.js'
import type { AppDeps } from './deps.js'
import type { SubmissionOutcome } from './outcomes.js'
import { asSoracomFailure, type SoracomFailure } from './soracom-failure.js'

/**
 * Flows whose questions SORACOM can answer for a linked operator (the month's amount, how it
 * pays). Before the ack nothing is asked: `FactCheckPlan` says whether the user's answers
 * suffice, which are missing, or that SORACOM is to be asked (after the ack).
 */
export type FactCheckPlan<Request> =
  | { kind: 'answered'; request: Request }
  | { kind: 'invalid'; problems: FieldProblems }
  | { kind: 'ask_soracom'; link: OperatorLink }

/** After SORACOM was asked: the flow's outcome, the form again for what it could not tell, or no answer. */
export type FactCheckedOutcome<Facts> =
  | { kind: 'decided'; facts: Facts; outcome: SubmissionOutcome }
  | { kind: 'still_unanswered'; facts: Facts }
  | { kind: 'soracom_failed'; reason: SoracomFailure }

/** One flow's rules for its SORACOM-answerable questions (`questions`: the draft's fields, by block_id). */
export interface FactQuestions<Draft, Request> {
  questions: Readonly<Record<string, keyof Draft>>
  answered(draft: Draft): Request | undefined
}

/** Where a draft stands without calling anyone: the link to ask, or the user's answers alone. */
export function planFactCheck<Draft, Request>(
  rules: FactQuestions<Draft, Request>,
  draft: Draft,
  link: OperatorLink | undefined,
): FactCheckPlan<Request> {
  if (link) return { kind: 'ask_soracom', link }
  const request = rules.answered(draft)
  if (request) return { kind: 'answered', request }
  const empty = Object.entries(rules.questions).filter(([, field]) => draft[field] === undefined)
  return { kind: 'invalid', problems: unanswered(empty.map(([blockId]) => blockId)) }
}

/**
 * A form that did not parse: besides its own errors, the SORACOM questions left empty must be
 * answered when the operator typed has no link (`raw`: the form's values by block_id).
 */
export async function unansweredWithoutLink<Draft>(
  deps: Pick<AppDeps, 'links'>,
  rules: { questions: Readonly<Record<string, keyof Draft>> },
  raw: Readonly<Record<string, unknown>>,
): Promise<FieldProblems> {
  const typed = typeof raw.operator_id === 'string' ? normalizeOperatorId(raw.operator_id) : undefined
  if (typed && (await deps.links.list()).some((l) => l.operatorId === typed)) return {}
  return unanswered(Object.keys(rules.questions).filter((blockId) => !raw[blockId]))
}

/** The questions left empty, each asked under its block. */
const unanswered = (blockIds: readonly string[]): FieldProblems =>
  Object.fromEntries(blockIds.map((blockId) => [blockId, { code: 'unanswered' as const }]))

/**
 * Asks SORACOM, completes the request with its answers and runs the flow. A SORACOM failure is an
 * outcome (the form asks instead); a store failure throws, as for any submission.
 */
export async function decideWithFacts<Facts, Request>(
  deps: Pick<AppDeps, 'logger'>,
  steps: {
    lookup: () => Promise<Facts>
    complete: (facts: Facts) => Request | undefined
    run: (request: Request) => Promise<SubmissionOutcome>
  },
): Promise<FactCheckedOutcome<Facts>> {
  let facts: Facts
  try {
    facts = await steps.lookup()
  } catch (error) {
    const reason = asSoracomFailure(error)
    if (!reason) throw error
    deps.logger.warn('soracom facts unavailable; asking instead', { reason })
    return { kind: 'soracom_failed', reason }
  }
  const request = steps.complete(facts)
  if (!request) return { kind: 'still_unanswered', facts }
  return { kind: 'decided', facts, outcome: await steps.run(request) }
}
