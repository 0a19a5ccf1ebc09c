import { z } from 'zod'

/**
 * A direct-message thread's first question to the guide, so that a follow-up in the thread
 * (「カード払いの場合は？」) is read together with it. Kept in the store, not in a process's memory,
 * so the follow-up is understood whichever replica Slack delivers it to, and after a restart.
 */
export const guideThreadSchema = z.object({
  /** `<DM channel>:<ts of the thread's first message>`. */
  id: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
  /** The first question, masked like a kept question (operator IDs, e-mail addresses, digit runs). */
  question: z.string().max(500),
  /** Who asked it: a follow-up by someone else is read alone. */
  user: z.string(),
})
export type GuideThread = z.infer<typeof guideThreadSchema>

/** A thread's first question is kept this long; a follow-up after that is read alone. */
export const GUIDE_THREAD_DAYS = 7

export const guideThreadId = (channel: string, threadTs: string): string => `${channel}:${threadTs}`

/** Whether a kept first question still applies to a follow-up by `user` at `now`. */
export function threadContextFor(
  thread: GuideThread | undefined,
  user: string,
  now: Date,
): string | undefined {
  if (!thread || thread.user !== user) return undefined
  return Date.parse(thread.at) >= now.getTime() - GUIDE_THREAD_DAYS * 86_400_000 ? thread.question : undefined
}

/** Where kept first questions end (ISO 8601): older ones are deleted by the store. */
export const threadsKeptSince = (now: Date): string =>
  new Date(now.getTime() - GUIDE_THREAD_DAYS * 86_400_000).toISOString()
