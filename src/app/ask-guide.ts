import type { GuideAnswer } from '../domain/guide.js'
import type { AppDeps } from './deps.js'

/**
 * `/billing ask` and DMs: the guide's best section for the question (and up to two related ones),
 * or no answer below the threshold. Logged without the question (it may hold personal data).
 */
export function askGuide(deps: Pick<AppDeps, 'answers' | 'logger'>, question: string): GuideAnswer {
  const answer = deps.answers.answer(question)
  deps.logger.info('guide question answered', {
    section: answer.kind === 'answer' ? answer.best.id : null,
    length: question.length,
  })
  return answer
}
