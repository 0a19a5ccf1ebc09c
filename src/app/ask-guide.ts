import type { GuideAnswer } from '../domain/guide.js'
import { maskQuestion } from '../domain/guide-feedback.js'
import { guideThreadId, threadContextFor } from '../domain/guide-thread.js'
import { errorCode } from '../errors.js'
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

/**
 * A question in a direct message, read together with its thread's first question when it is a
 * follow-up in a thread whose first question is kept (alone when that finds nothing). The store,
 * not the process, remembers threads: a follow-up is read the same on every replica and after a
 * restart. A store that fails costs the follow-up its context, never its answer. `threadKnown` is
 * false when the caller should keep this question as its thread's first (`keepThread`).
 */
export async function askInThread(
  deps: Pick<AppDeps, 'answers' | 'logger' | 'threads' | 'clock'>,
  input: { channel: string; ts: string; threadTs?: string; user: string; question: string },
): Promise<{ answer: GuideAnswer; threadKnown: boolean }> {
  if (input.threadTs === undefined || input.threadTs === input.ts)
    return { answer: askGuide(deps, input.question), threadKnown: false }
  const kept = await Promise.resolve(deps.threads.get(guideThreadId(input.channel, input.threadTs))).catch(
    (error: unknown) => {
      deps.logger.warn('thread question not read', { error: errorCode(error) })
      return undefined
    },
  )
  const earlier = threadContextFor(kept, input.user, deps.clock.now())
  if (earlier === undefined)
    return { answer: askGuide(deps, input.question), threadKnown: kept !== undefined }
  const together = askGuide(deps, `${earlier} ${input.question}`)
  return {
    answer: together.kind === 'no_answer' ? askGuide(deps, input.question) : together,
    threadKnown: true,
  }
}

/**
 * Keeps `question` as the first question of the thread that starts at message `ts` — the user's
 * question, or the bot's answer to it, since a follow-up may be written under either. Logged, not
 * thrown, when the store fails.
 */
export async function keepThread(
  deps: Pick<AppDeps, 'logger' | 'threads' | 'clock'>,
  input: { channel: string; ts: string; user: string; question: string },
): Promise<void> {
  const thread = {
    id: guideThreadId(input.channel, input.ts),
    at: deps.clock.now().toISOString(),
    question: maskQuestion(input.question),
    user: input.user,
  }
  await Promise.resolve(deps.threads.save(thread)).catch((error: unknown) =>
    deps.logger.warn('thread question not kept', { error: errorCode(error) }),
  )
}
