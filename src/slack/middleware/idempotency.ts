import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt'
import type { AppDeps } from '../../app/deps.js'
import { KeyedQueue } from '../../app/keyed-queue.js'

/** Remembers the last N keys, forgetting the oldest first. */
class RecentKeys {
  private readonly keys = new Set<string>()
  constructor(private readonly size: number) {}
  has(key: string): boolean {
    return this.keys.has(key)
  }
  add(key: string): void {
    this.keys.add(key)
    if (this.keys.size > this.size) {
      const oldest = this.keys.values().next().value
      if (oldest !== undefined) this.keys.delete(oldest)
    }
  }
}

/**
 * Slack may deliver the same thing twice: Events API retries (`X-Slack-Retry-Num`) carry the same
 * `event_id`, and a modal can be submitted again while the first submission is still being
 * stored. Duplicates are answered and dropped, so nothing is done twice. Buttons are idempotent
 * by design (each carries the state it wants).
 */
export function idempotency(deps: Pick<AppDeps, 'tickets' | 'checklists'>): Middleware<AnyMiddlewareArgs> {
  const seenEvents = new RecentKeys(5000)
  const submissions = new KeyedQueue()
  return async (args) => {
    const body = args.body as { type?: string; event_id?: string; view?: { id?: string } }
    if (body.type === 'event_callback' && body.event_id) {
      // Events are acknowledged by Bolt before middleware runs.
      if (seenEvents.has(body.event_id)) return
      seenEvents.add(body.event_id)
      await args.next()
      return
    }
    const viewId = body.type === 'view_submission' ? body.view?.id : undefined
    if (!viewId) {
      await args.next()
      return
    }
    // One submission of a view at a time; a later one finds the record the first one stored.
    await submissions.run(viewId, async () => {
      if (deps.tickets.findBySourceView(viewId) || deps.checklists.findBySourceView(viewId)) {
        const ack = (args as { ack?: () => Promise<void> }).ack
        if (ack) await ack()
        return
      }
      await args.next()
    })
  }
}
