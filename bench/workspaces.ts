import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Installation } from '@slack/bolt'
import type { Ticket } from '../src/domain/ticket.js'
import { sealInstallation } from '../src/slack/installation-store.js'
import { workspaceFile } from '../src/store/database.js'
import { DB_SCHEMA_VERSION, type DbData, emptyDb, emptyWorkspaceData } from '../src/store/schema.js'
import { type BotProcess, startListening } from '../test/support/bot-process.js'
import type { FakeSlack } from '../test/support/fake-slack.js'
import { postSigned, SIGNING_SECRET } from '../test/support/slack-request.js'
import { submission } from './drive.js'
import { ticketAt } from './generate-store.js'
import { rssMb, stats } from './measure.js'

const NOW = '2026-11-26T10:00:00+09:00'
const TICKETS_PER_WORKSPACE = 100
const DAY = 86_400_000
const SPAN = 4 * 365 * DAY
const CONCURRENCY = 8
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 500)

const teamId = (n: number) => `T${String(n).padStart(8, '0')}`

/** A data file with `count` installed workspaces, each with 100 live tickets. */
export async function generateWorkspaces(file: string, count: number, key: Buffer): Promise<void> {
  const data = emptyDb()
  const now = new Date(NOW).getTime()
  await rm(`${file}.archive`, { recursive: true, force: true })
  await rm(`${file}.workspaces`, { recursive: true, force: true })
  for (let w = 0; w < count; w++) {
    const team = teamId(w)
    const installation = {
      team: { id: team, name: `Bench ${w}` },
      enterprise: undefined,
      user: { id: 'U0INSTALLER', token: undefined, scopes: undefined },
      bot: {
        id: 'BBENCH',
        userId: 'UBENCH',
        token: `xoxb-bench-${team}`,
        scopes: ['commands', 'chat:write'],
      },
      isEnterpriseInstall: false,
      authVersion: 'v2',
    } as Installation
    // As generateStore lays out one desk's history: four years, open work recent, what closed more
    // than 30 days ago in the monthly archive (the workspace's own folder).
    const tickets: Ticket[] = []
    const archive = new Map<string, Ticket[]>()
    for (let n = 0; n < TICKETS_PER_WORKSPACE; n++) {
      const createdAt = new Date(now - SPAN + Math.floor((n / TICKETS_PER_WORKSPACE) * SPAN))
      const age = now - createdAt.getTime()
      const open = age < 60 * DAY && n % 3 === 0
      const ticket = ticketAt(w * TICKETS_PER_WORKSPACE + n, createdAt, open ? 'sent' : 'resolved')
      if (!open && age > 30 * DAY) {
        const month = ticket.updatedAt.slice(0, 7)
        archive.set(month, [...(archive.get(month) ?? []), ticket])
      } else tickets.push(ticket)
    }
    const folder = join(`${file}.archive`, team)
    await mkdir(folder, { recursive: true })
    for (const [month, archived] of archive)
      await writeFile(
        join(folder, `${month}.json`),
        JSON.stringify({ schemaVersion: 1, tickets: archived, reminders: [] }),
      )
    // Laid out as the bot keeps it: the registration in the main file, the records in the workspace's own.
    data.workspaces[team] = {
      teamId: team,
      installedAt: '2026-11-01T00:00:00.000Z',
      installation: sealInstallation(installation, team, key),
      archive: team,
    } as DbData['workspaces'][string]
    await mkdir(dirname(workspaceFile(file, team)), { recursive: true })
    await writeFile(
      workspaceFile(file, team),
      JSON.stringify({ schemaVersion: DB_SCHEMA_VERSION, teamId: team, ...emptyWorkspaceData(), tickets }),
    )
  }
  await writeFile(file, JSON.stringify(data))
}

/** Submits `count` direct-debit modals, each from a workspace `teamOf(i)` picks; every ack checked on disk. */
async function submit(url: string, file: string, count: number, teamOf: (i: number) => string) {
  const latencies: number[] = []
  const acked: Array<[string, string]> = []
  let next = 0
  let late = 0
  const worker = async () => {
    while (next < count) {
      const i = next++
      const team = teamOf(i)
      const { operatorId, form } = submission(team)
      const started = performance.now()
      const res = await postSigned(url, form)
      latencies.push(performance.now() - started)
      // Past Slack's 3 s Bolt answers 404 itself: counted, not thrown (the figures say it).
      if (res.status !== 200) late += 1
      else if (res.text === '') acked.push([team, operatorId])
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  let missing = 0
  for (const [team, id] of acked) {
    const own = JSON.parse(await readFile(workspaceFile(file, team), 'utf8')) as {
      tickets: Array<{ operatorId: string }>
    }
    if (!own.tickets.some((t) => t.operatorId === id)) missing += 1
  }
  return {
    stats: stats(latencies),
    latencies,
    acknowledged: acked.length,
    missingOnDisk: missing,
    notAcknowledged: late,
  }
}

/** A bot serving `workspaces` installations (generated), started and warmed: each workspace's first request made. */
async function prepare(slack: FakeSlack, dir: string, workspaces: number) {
  const key = randomBytes(32)
  const file = join(dir, `workspaces-${workspaces}.json`)
  await generateWorkspaces(file, workspaces, key)
  const env = {
    SLACK_CLIENT_ID: '1111111111.2222222222',
    SLACK_CLIENT_SECRET: 'bench-client-secret',
    SLACK_STATE_SECRET: 'a-bench-state-secret-of-32-characters-or-more',
    APP_BASE_URL: 'https://billing-bot.example.com',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    CREDENTIALS_KEY: key.toString('base64'),
    SLACK_API_URL: slack.apiUrl,
    DATA_FILE: file,
    BOT_NOW: NOW,
    SORACOM_POLL_MINUTES: '0',
  }
  const started = performance.now()
  // BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof': node flags for the bot (a CPU profile, GC tracing).
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(/\s+/).filter(Boolean)
  const { bot, url } = await startListening(env, dir, undefined, nodeArgs)
  const startupMs = Math.round(performance.now() - started)
  const rssMbAtStart = await rssMb(bot.child.pid)
  // Every submission from another workspace, round the ring. First each workspace's first request
  // (its runtime made, its user looked up in Slack — what a new user costs with one workspace too),
  // measured on its own; then the steady state the target is about.
  const teamOf = (i: number) => teamId((i * 7919) % workspaces)
  const first = await submit(url, file, Math.max(50, workspaces), teamOf)
  return { workspaces, bot, url, file, teamOf, startupMs, rssMbAtStart, firstRequests: first.stats }
}

async function stop(bot: BotProcess) {
  bot.child.kill('SIGTERM')
  await bot.exited
}

const ROUNDS = 6

/**
 * view_submission with 1 and with 1,000 installed workspaces (100 tickets each), OAuth mode, side
 * by side in one run: both bots up at once and measured in alternating rounds (so the machine's
 * ups and downs fall on both alike) — the p99 ratio, start-up time and memory (issue 26, item 7).
 */
export async function workspacesScale(slack: FakeSlack, dir: string) {
  const bots = [await prepare(slack, dir, 1), await prepare(slack, dir, 1000)] as const
  const perRound = Math.ceil(SUBMISSIONS / ROUNDS)
  const latencies: [number[], number[]] = [[], []]
  const roundP99: [number[], number[]] = [[], []]
  const checks = [
    { acknowledged: 0, missingOnDisk: 0, notAcknowledged: 0 },
    { acknowledged: 0, missingOnDisk: 0, notAcknowledged: 0 },
  ]
  let sent = 50
  for (let round = 0; round < ROUNDS; round++) {
    for (const which of round % 2 === 0 ? [0, 1] : [1, 0]) {
      const b = bots[which as 0 | 1]
      const from = sent
      const r = await submit(b.url, b.file, perRound, (i) => b.teamOf(from + i))
      latencies[which as 0 | 1].push(...r.latencies)
      roundP99[which as 0 | 1].push(r.stats.p99)
      const c = checks[which] as (typeof checks)[number]
      c.acknowledged += r.acknowledged
      c.missingOnDisk += r.missingOnDisk
      c.notAcknowledged += r.notAcknowledged
    }
    sent += perRound
  }
  const report = async (which: 0 | 1) => {
    const b = bots[which]
    const rssMbAfterLoad = await rssMb(b.bot.child.pid)
    return {
      workspaces: b.workspaces,
      startupMs: b.startupMs,
      rssMbAtStart: b.rssMbAtStart,
      rssMbAfterLoad,
      firstRequests: b.firstRequests,
      stats: stats(latencies[which]),
      roundsP99: roundP99[which],
      ...checks[which],
    }
  }
  const one = await report(0)
  const many = await report(1)
  for (const b of bots) await stop(b.bot)
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
  return {
    one,
    many,
    ratioP99: Math.round((many.stats.p99 / one.stats.p99) * 100) / 100,
    ratioMedianRoundP99: Math.round((median(many.roundsP99) / median(one.roundsP99)) * 100) / 100,
  }
}
