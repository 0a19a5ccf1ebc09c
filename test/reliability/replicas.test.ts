import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { directDebitModal } from '../../src/render/modals/direct-debit.js'
import { type BotProcess, LISTENING, startBotProcess, waitForOutput } from '../support/bot-process.js'
import { eventually } from '../support/eventually.js'
import { FakeSlack, tokenOf } from '../support/fake-slack.js'
import { freshDatabase } from '../support/postgres-server.js'
import { postSigned, SIGNING_SECRET, viewSubmissionForm } from '../support/slack-request.js'
import { POSTGRES_URL } from '../support/store-backends.js'

const CONCURRENCY = 6
/** The claims a killed replica leaves behind run out this soon (REPLICA_LEASE_SECONDS). */
const LEASE_SECONDS = 2

const modal = directDebitModal({
  privateMetadata: JSON.stringify({ channel: 'C0BILLING', user: 'U0ALICE' }),
}) as Parameters<typeof viewSubmissionForm>[0]

const answersFor = (operatorId: string) => ({
  operator_id: operatorId,
  coverage: 'jp',
  account_type: 'corporate',
  invoice_payment: 'active',
  consent: ['agree'],
})

/**
 * Three bot processes (`node dist/main.js`, as deployed) on one PostgreSQL behind "one endpoint"
 * (the test spreads its requests over them, and sends every submission to two of them at once, as
 * a retried delivery would). One is SIGKILLed in the middle of the burst.
 */
describe.skipIf(!POSTGRES_URL)(
  'three replicas on one PostgreSQL, one SIGKILLed mid-burst (issue 27.4)',
  () => {
    it('keeps every acknowledged submission, stores each once, and posts each (one in flight at the kill at most once more, marked)', async () => {
      const db = await freshDatabase(POSTGRES_URL ?? '')
      const slack = await new FakeSlack().start()
      const dir = await mkdtemp(join(tmpdir(), 'replicas-'))
      const env = {
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        DATABASE_URL: db.url,
        DATABASE_POOL_MAX: '4',
        REPLICA_LEASE_SECONDS: String(LEASE_SECONDS),
        SORACOM_POLL_MINUTES: '0',
        PORT: '0',
      }
      const started: BotProcess[] = []
      // Each replica its own token (the fake takes any), so a post tells which replica made it.
      const start = async () => {
        const bot = startBotProcess({ ...env, SLACK_BOT_TOKEN: `xoxb-replica-${started.length}` }, dir)
        started.push(bot)
        const [, port] = await waitForOutput(bot, LISTENING, 30_000)
        return { bot, url: `http://127.0.0.1:${port}`, alive: true }
      }
      try {
        const replicas = await Promise.all([start(), start(), start()])
        const acknowledged = new Set<string>()
        let next = 1
        let stopping = false
        const worker = async (w: number) => {
          while (!stopping) {
            const operatorId = `OP${String(next++).padStart(10, '0')}`
            const form = viewSubmissionForm(modal, answersFor(operatorId))
            // The same delivery at two replicas (a retry landing elsewhere).
            const targets = [replicas[(next + w) % 3], replicas[(next + w + 1) % 3]]
            const answers = await Promise.all(
              targets.map(async (r) => {
                if (!r?.alive) return false
                try {
                  const res = await postSigned(r.url, form)
                  return res.status === 200 && res.text === ''
                } catch {
                  return false // the replica died mid-request: nothing promised
                }
              }),
            )
            if (answers.some(Boolean)) acknowledged.add(operatorId)
          }
        }
        const workers = Array.from({ length: CONCURRENCY }, (_, w) => worker(w))
        await eventually(() => expect(acknowledged.size).toBeGreaterThan(20), 30_000)
        const victim = replicas[1]
        if (!victim) throw new Error('three replicas')
        victim.bot.child.kill('SIGKILL')
        victim.alive = false
        const atKill = acknowledged.size
        await eventually(() => expect(acknowledged.size).toBeGreaterThan(atKill + 20), 30_000)
        stopping = true
        await Promise.all(workers)

        const client = new pg.Client({ connectionString: db.url })
        await client.connect()
        try {
          const stored = async () =>
            (
              await client.query<{ operator: string; n: number; posted: number }>(
                `SELECT doc->>'operatorId' AS operator, count(*)::int AS n,
                      count(*) FILTER (WHERE doc ? 'message')::int AS posted
               FROM tickets GROUP BY 1`,
              )
            ).rows
          const rows = await stored()
          const byOperator = new Map(rows.map((r) => [r.operator, r]))
          const lost = [...acknowledged].filter((id) => !byOperator.has(id))
          const twice = rows.filter((r) => r.n > 1)
          console.log(
            `replicas: ${acknowledged.size} acknowledged, ${rows.length} stored, ${lost.length} lost, ${twice.length} stored twice`,
          )
          expect(lost).toEqual([])
          expect(twice).toEqual([])

          // What the killed replica stored but never posted is posted by the others once its holds
          // run out — here by the sweep of the replica a supervisor starts in its place.
          await new Promise((resolve) => setTimeout(resolve, LEASE_SECONDS * 1000 + 200))
          await start()
          await eventually(
            async () => expect((await stored()).filter((r) => r.posted === 0)).toEqual([]),
            30_000,
          )
          const posts = new Map<string, Array<{ token: string; text: string }>>()
          for (const call of slack.callsTo('chat.postMessage')) {
            if (call.args.channel !== 'C0BILLING') continue
            const operator = /OP\d{10}/.exec(String(call.args.text))?.[0]
            if (operator)
              posts.set(operator, [
                ...(posts.get(operator) ?? []),
                { token: tokenOf(call) ?? '', text: JSON.stringify(call.args) },
              ])
          }
          expect(posts.size).toBe(rows.length)
          // Posted twice only where Slack took the post from the killed replica before it could
          // record it (Slack's chat.postMessage has no idempotency key): the second copy comes later,
          // from another replica, marked as a possible repeat — at most one per post in flight.
          const twicePosted = [...posts].filter(([, p]) => p.length > 1)
          console.log(
            `replicas: ${posts.size} posted, ${twicePosted.length} posted again after the kill (marked)`,
          )
          expect(twicePosted.length).toBeLessThanOrEqual(CONCURRENCY)
          for (const [, [first, second, ...more]] of twicePosted) {
            expect(more).toEqual([])
            expect(first?.token).toBe('xoxb-replica-1')
            expect(second?.token).not.toBe('xoxb-replica-1')
            expect(second?.text).toContain('念のためもう一度投稿します')
          }
        } finally {
          await client.end()
        }
      } finally {
        for (const bot of started) bot.child.kill('SIGKILL')
        await Promise.all(started.map((b) => b.exited))
        await slack.stop()
        await rm(dir, { recursive: true, force: true })
        await db.drop()
      }
    }, 120_000)
  },
)
