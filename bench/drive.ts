/** What the benchmarks send: distinct direct-debit submissions, and a driver with a fixed concurrency. */
import { performance } from 'node:perf_hooks'
import { directDebitModal } from '../src/render/modals/direct-debit.js'
import { viewSubmissionForm } from '../test/support/slack-request.js'

const modal = directDebitModal({
  privateMetadata: JSON.stringify({ channel: 'C0BENCH', user: 'U0BENCH' }),
}) as Parameters<typeof viewSubmissionForm>[0]
let operatorSeq = 9_000_000_000
/** A new direct-debit submission (its own operator ID and view), from `teamId`'s workspace when given. */
export const submission = (teamId?: string) => {
  const operatorId = `OP${operatorSeq++}`
  return {
    operatorId,
    form: viewSubmissionForm(
      modal,
      {
        operator_id: operatorId,
        coverage: 'jp',
        account_type: 'corporate',
        invoice_payment: 'active',
        consent: ['agree'],
      },
      { userId: 'U0BENCH', ...(teamId ? { teamId } : {}) },
    ),
  }
}

/**
 * Sends `count` requests with `concurrency` in flight, returning each one's latency in ms. A request
 * answered with anything but 200 fails the run, unless `tolerate` (a store past its ceiling, where
 * failures are the measurement): then they are counted in `failed`.
 */
export async function drive(
  count: number,
  concurrency: number,
  send: (i: number) => Promise<{ status: number; text: string }>,
  options: { tolerate?: boolean } = {},
) {
  const latencies: number[] = []
  const outcomes: Array<{ i: number; ok: boolean }> = []
  let next = 0
  const worker = async () => {
    while (next < count) {
      const i = next++
      const started = performance.now()
      const res = await send(i)
      latencies.push(performance.now() - started)
      outcomes.push({ i, ok: res.status === 200 })
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  const failed = outcomes.filter((o) => !o.ok).length
  if (failed > 0 && !options.tolerate) throw new Error(`${failed} of ${count} requests failed`)
  return { latencies, outcomes, failed }
}
