/**
 * PostgreSQL (issue 27.7): view_submission with 1,000,000 tickets in the database, beside the data
 * file with 100,000 open tickets (every one live, nothing archived: where the file stops being the
 * right choice); and the throughput of three replicas against one on the same machine, in
 * alternating rounds. Everything runs as deployed (dist/main.js) against a throwaway local
 * PostgreSQL and the fake Slack.
 */
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { migrateDatabase } from '../src/store/postgres/pool.js'
import { type BotProcess, startListening } from '../test/support/bot-process.js'
import type { FakeSlack } from '../test/support/fake-slack.js'
import { freshDatabase, startTestPostgres } from '../test/support/postgres-server.js'
import { postSigned, SIGNING_SECRET } from '../test/support/slack-request.js'
import { drive, submission } from './drive.js'
import { generateStore, ticketAt } from './generate-store.js'
import { type CpuPerRequest, cpuMeter, rssMb, type Stats, stats } from './measure.js'

const NOW = '2026-11-26T10:00:00+09:00'
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8)
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 500)
const MILLION = Number(process.env.BENCH_PG_TICKETS ?? 1_000_000)
/** Submissions per round of the replica comparison, and rounds of each. */
const THROUGHPUT_REQUESTS = 600
const THROUGHPUT_ROUNDS = 3
const THROUGHPUT_CONCURRENCY = 24

export interface PostgresBench {
  tickets: number
  fillSeconds: number
  /** The start-up sweep's catch-up before measuring: reminders it made, and how long it took. */
  catchUp: { reminders: number; seconds: number }
  viewSubmission: Stats
  /** The same, one request at a time. */
  viewSubmissionOneAtATime: Stats
  /**
   * Where the CPU went at concurrency 8 and one at a time (ms per submission), and what that
   * bounds: with every core busy, submissions/s ≤ cores × 1000 / total, so by Little's law the
   * mean latency with CONCURRENCY in flight is ≥ CONCURRENCY / that rate.
   */
  cpu: {
    concurrent: CpuPerRequest
    oneAtATime: CpuPerRequest
    cores: number
    perSecond: number
    meanLatencyFloorMs: number
  }
  acknowledged: number
  missingInDatabase: number
  rssMbAfterLoad: number
  /** `failed`: answered with anything but 200 (warm-up included): past the file's ceiling, that is the finding. */
  fileOpen100k: {
    viewSubmission: Stats
    acknowledged: number
    failed: number
    rssMbAfterLoad: number
    startupMs: number
  }
  throughput: { oneReplicaPerSecond: number[]; threeReplicasPerSecond: number[]; ratio: number }
}

/**
 * `count` tickets in one statement per 100,000, made by the server from one real ticket (the
 * bench's generated one) with its id, operator, requester, channel, view, status and times varied
 * as generate-store.ts varies them: four years of history, a third of the last 60 days open.
 * (The closed ones keep the open template's empty progress: nothing reads it on this path.)
 */
async function fillTickets(url: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    // Open tickets are waiting to be sent, so no reminders follow them: the bot's start-up has no
    // catch-up to do and the measurement is the table's size alone (the sweep has its own bench).
    const template = ticketAt(0, new Date(NOW), 'rendered')
    const now = Date.parse(NOW)
    const span = 4 * 365 * 86_400_000
    for (let from = 0; from < count; from += 100_000) {
      await client.query(
        `INSERT INTO tickets (team_id, id, requester, channel, source_view, status, created_at, updated_at, doc)
         SELECT 'single', 'G' || n, req, ch, 'VGEN' || n, st, at, at,
                $1::jsonb || jsonb_build_object(
                  'id', 'G' || n, 'operatorId', 'OP' || lpad(n::text, 10, '0'), 'requester', req,
                  'channel', ch, 'status', st, 'sourceViewId', 'VGEN' || n,
                  'createdAt', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                  'updatedAt', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
         FROM (
           SELECT n, 'U' || lpad((n % 500)::text, 6, '0') AS req, 'C' || lpad((n % 50)::text, 6, '0') AS ch,
                  to_timestamp(($3::bigint - $4::bigint + (n::float8 / $5) * $4) / 1000) AS at,
                  CASE WHEN $3::bigint - ($3::bigint - $4::bigint + (n::float8 / $5) * $4) < 60::float8 * 86400000 AND n % 3 = 0
                       THEN 'rendered' ELSE 'resolved' END AS st
           FROM generate_series($2::int, $2::int + 99999) AS n WHERE n < $5
         ) g`,
        [JSON.stringify(template), from, now, span, count],
      )
    }
    // VACUUM too: otherwise the insert-triggered autovacuum of a million rows runs during the measurement.
    await client.query('VACUUM ANALYZE tickets')
  } finally {
    await client.end()
  }
}

/** Submits `count` modals; every acknowledged one must be in the database afterwards. */
async function submitToDatabase(
  urls: string[],
  databaseUrl: string,
  count: number,
  concurrency = CONCURRENCY,
  botPid?: number,
) {
  const acked: string[] = []
  const cpu = await cpuMeter(botPid)
  const started = performance.now()
  const { latencies } = await drive(count, concurrency, async (i) => {
    const { operatorId, form } = submission()
    const res = await postSigned(urls[i % urls.length] ?? '', form)
    if (res.status === 200 && res.text === '') acked.push(operatorId)
    return res
  })
  const seconds = (performance.now() - started) / 1000
  const cpuPerRequest = await cpu(count)
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ operator: string }>(
      `SELECT doc->>'operatorId' AS operator FROM tickets WHERE doc->>'operatorId' = ANY($1)`,
      [acked],
    )
    const stored = new Set(rows.map((r) => r.operator))
    return {
      stats: stats(latencies),
      perSecond: Math.round(count / seconds),
      cpuPerRequest,
      acknowledged: acked.length,
      missing: acked.filter((id) => !stored.has(id)).length,
    }
  } finally {
    await client.end()
  }
}

/** Waits until the reminders have not changed for 3 s (made and handed over); how many there are and how long it took. */
async function settled(url: string): Promise<{ reminders: number; seconds: number }> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const started = performance.now()
  try {
    let last = ''
    let stableSince = performance.now()
    for (;;) {
      // Made, and handed over to Slack (each hand-over rewrites the reminder): both must be done.
      const { rows } = await client.query<{ n: number; changed: string | null }>(
        "SELECT count(*)::int AS n, max(doc->>'updatedAt') || count(*) FILTER (WHERE state = 'scheduled') AS changed FROM reminders",
      )
      const n = rows[0]?.n ?? 0
      const state = `${n}/${rows[0]?.changed ?? ''}`
      if (state !== last) {
        last = state
        stableSince = performance.now()
      } else if (performance.now() - stableSince > 3_000) {
        return { reminders: n, seconds: Math.round((performance.now() - started) / 100) / 10 }
      }
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  } finally {
    await client.end()
  }
}

async function stopAll(bots: BotProcess[]) {
  for (const bot of bots) bot.child.kill('SIGTERM')
  await Promise.all(bots.map((b) => b.exited))
}

export async function postgresBench(
  slack: FakeSlack,
  dir: string,
): Promise<PostgresBench | { skipped: string }> {
  const server = await startTestPostgres()
  if ('unavailable' in server) return { skipped: server.unavailable }
  try {
    const env = (databaseUrl: string) => ({
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      DATABASE_URL: databaseUrl,
      BOT_NOW: NOW,
      SORACOM_POLL_MINUTES: '0',
    })

    // 1,000,000 tickets.
    const big = await freshDatabase(server.url)
    await migrateDatabase(big.url)
    const filling = performance.now()
    await fillTickets(big.url, MILLION)
    const fillSeconds = Math.round((performance.now() - filling) / 100) / 10
    // BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof': node flags for this bot (a CPU profile).
    const nodeArgs = process.env.BENCH_NODE_ARGS?.split(/\s+/).filter(Boolean)
    const one = await startListening(env(big.url), dir, undefined, nodeArgs)
    // The start-up sweep first adds the invoice-due reminders of every open direct-debit ticket
    // (about 14,000 here, one save each) and hands those within 120 days to Slack: measured in the
    // middle of it, the latency would be the catch-up's. Wait until the reminders stop changing.
    const catchUp = await settled(big.url)
    const million = await (async () => {
      try {
        await submitToDatabase([one.url], big.url, 50)
        return await submitToDatabase([one.url], big.url, SUBMISSIONS, CONCURRENCY, one.bot.child.pid)
      } catch (error) {
        console.error(`the bot failed; its last output:\n${one.bot.output().slice(-4000)}`)
        throw error
      }
    })()
    // One at a time: the service time itself, without queueing behind the other seven.
    const oneAtATime = await submitToDatabase([one.url], big.url, 200, 1, one.bot.child.pid)
    const rssAfter = await rssMb(one.bot.child.pid)
    await stopAll([one.bot])
    await big.drop()

    // The data file with 100,000 open tickets.
    const file = join(dir, 'open-100k.json')
    await generateStore(file, { tickets: 100_000, now: new Date(NOW), allOpen: true })
    const started = performance.now()
    const fileBot = await startListening(
      {
        SLACK_BOT_TOKEN: 'xoxb-bench',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        DATA_FILE: file,
        BOT_NOW: NOW,
      },
      dir,
    )
    const startupMs = Math.round(performance.now() - started)
    const fileLatencies: number[] = []
    let fileAcked = 0
    let fileFailed = 0
    for (const count of [50, SUBMISSIONS]) {
      const { latencies, failed } = await drive(
        count,
        CONCURRENCY,
        async () => {
          const res = await postSigned(fileBot.url, submission().form)
          if (count !== 50 && res.status === 200 && res.text === '') fileAcked += 1
          return res
        },
        { tolerate: true },
      )
      fileFailed += failed
      if (count !== 50) fileLatencies.push(...latencies)
    }
    const fileRss = await rssMb(fileBot.bot.child.pid)
    await stopAll([fileBot.bot])

    // One replica against three, alternating, on one database each time.
    const oneRate: number[] = []
    const threeRate: number[] = []
    for (let round = 0; round < THROUGHPUT_ROUNDS; round++) {
      for (const replicas of [1, 3]) {
        const db = await freshDatabase(server.url)
        await migrateDatabase(db.url)
        const bots = await Promise.all(
          Array.from({ length: replicas }, () =>
            startListening({ ...env(db.url), DATABASE_POOL_MAX: '4' }, dir),
          ),
        )
        const urls = bots.map((b) => b.url)
        await submitToDatabase(urls, db.url, 60, THROUGHPUT_CONCURRENCY)
        const run = await submitToDatabase(urls, db.url, THROUGHPUT_REQUESTS, THROUGHPUT_CONCURRENCY)
        if (run.missing > 0) throw new Error(`${run.missing} acknowledged submissions missing`)
        ;(replicas === 1 ? oneRate : threeRate).push(run.perSecond)
        await stopAll(bots.map((b) => b.bot))
        await db.drop()
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN
    return {
      tickets: MILLION,
      fillSeconds,
      catchUp,
      viewSubmission: million.stats,
      viewSubmissionOneAtATime: oneAtATime.stats,
      cpu: {
        concurrent: million.cpuPerRequest,
        oneAtATime: oneAtATime.cpuPerRequest,
        cores: availableParallelism(),
        perSecond: million.perSecond,
        meanLatencyFloorMs:
          Math.round(((CONCURRENCY * million.cpuPerRequest.total) / availableParallelism()) * 10) / 10,
      },
      acknowledged: million.acknowledged + oneAtATime.acknowledged,
      missingInDatabase: million.missing + oneAtATime.missing,
      rssMbAfterLoad: rssAfter,
      fileOpen100k: {
        viewSubmission: stats(fileLatencies),
        acknowledged: fileAcked,
        failed: fileFailed,
        rssMbAfterLoad: fileRss,
        startupMs,
      },
      throughput: {
        oneReplicaPerSecond: oneRate,
        threeReplicasPerSecond: threeRate,
        ratio: Math.round((median(threeRate) / median(oneRate)) * 100) / 100,
      },
    }
  } finally {
    await server.stop()
  }
}
