import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt'
import { type BotContext, workspaceOf } from '../context.js'

/**
 * Slack may deliver the same thing twice: Events API retries (`X-Slack-Retry-Num`) carry the same
 * `event_id`, and a modal can be submitted again while the first submission is still being
 * stored. Duplicates are answered and dropped, so nothing is done twice. Buttons are idempotent
 * by design (each carries the state it wants).
 */
export function idempotency(): Middleware<AnyMiddlewareArgs, BotContext> {
  const inProgress = new Map<string, Promise<void>>()
  return async (args) => {
    const body = args.body as { type?: string; event_id?: string; view?: { id?: string } }
    if (body.type === 'event_callback' && body.event_id) {
      // Events are acknowledged by Bolt before middleware runs. The store keeps the IDs taken (in
      // PostgreSQL, for every replica); a store that cannot answer lets the event through.
      const first = await workspaceOf(args.context)
        .deliveries.first(body.event_id)
        .catch(() => true)
      if (!first) return
      await args.next()
      return
    }
    const viewId = body.type === 'view_submission' ? body.view?.id : undefined
    if (!viewId) {
      await args.next()
      return
    }
    const { deps } = workspaceOf(args.context)
    // A store that cannot answer: the listener runs, and its save (refused too) says so on the form.
    const stored = async () => {
      try {
        return (
          (await deps.tickets.findBySourceView(viewId)) ?? (await deps.checklists.findBySourceView(viewId))
        )
      } catch {
        return undefined
      }
    }
    const ack = (args as { ack?: () => Promise<void> }).ack
    // A submission already running: wait only until it has stored its record (which it does
    // before its ack), not for its whole listener — then this one is answered as done.
    const running = inProgress.get(viewId)
    if (running) {
      let finished = false
      void running.then(() => {
        finished = true
      })
      while (!(await stored()) && !finished) await new Promise((r) => setTimeout(r, 20))
    }
    if (await stored()) {
      if (ack) await ack()
      return
    }
    const work = args.next()
    inProgress.set(
      viewId,
      work.then(
        () => undefined,
        () => undefined,
      ),
    )
    try {
      await work
    } finally {
      inProgress.delete(viewId)
    }
  }
}
