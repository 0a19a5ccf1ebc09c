import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Installation } from '@slack/bolt'
import type { Ticket } from '../src/domain/ticket.js'
import { directDebitModal } from '../src/render/modals/direct-debit.js'
import { sealInstallation } from '../src/slack/installation-store.js'
import { workspaceFile } from '../src/store/database.js'
import { DB_SCHEMA_VERSION, type DbData, emptyDb, emptyWorkspaceData } from '../src/store/schema.js'
import { type BotProcess, startListening } from '../test/support/bot-process.js'
import type { FakeSlack } from '../test/support/fake-slack.js'
import { postSigned, SIGNING_SECRET, viewSubmissionForm } from '../test/support/slack-request.js'
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

const modal = directDebitModal({
  privateMetadata: JSON.stringify({ channel: 'C0BENCH', user: 'U0BENCH' }),
}) as Parameters<typeof viewSubmissionForm>[0]

/** Submits `count` direct-debit modals, each from a workspace `teamOf(i)` picks; every ack checked on disk. */
async function submit(url: string, file: string, count: number, teamOf: (i: number) => string) {
  const latencies: number[] = []
  const acked: Array<[string, string]> = []
  let next = 0
  let late = 0
  let seq = 8_000_000_000 + Math.floor(Math.random() * 100_000_000)
  const worker = async () => {
    while (next < count) {
      const i = next++
      const team = teamOf(i)
      const operatorId = `OP${seq++}`
      const form = viewSubmissionForm(
        modal,
        {
          operator_id: operatorId,
          coverage: 'jp',
          account_type: 'corporate',
          invoice_payment: 'active',
          consent: ['agree'],
        },
        { userId: 'U0BENCH', teamId: team },
      )
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
    acknowledged: acked.length,
    missingOnDisk: missing,
    notAcknowledged: late,
  }
}

async function run(slack: FakeSlack, dir: string, workspaces: number) {
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
  // BENCH_PROFILE_DIR=…: the bot writes a V8 CPU profile there (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE_DIR
  const { bot, url } = await startListening(
    env,
    dir,
    undefined,
    profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : undefined,
  )
  const startupMs = Math.round(performance.now() - started)
  const rssAtStart = await rssMb(bot.child.pid)
  // Every submission from another workspace, round the ring: each one's first request is among them.
  const teamOf = (i: number) => teamId((i * 7919) % workspaces)
  await submit(url, file, 50, teamOf)
  const result = await submit(url, file, SUBMISSIONS, (i) => teamOf(i + 50))
  const rssAfter = await rssMb(bot.child.pid)
  await stop(bot)
  return { workspaces, startupMs, rssMbAtStart: rssAtStart, rssMbAfterLoad: rssAfter, ...result }
}

async function stop(bot: BotProcess) {
  bot.child.kill('SIGTERM')
  await bot.exited
}

/**
 * view_submission with 1 and with 1,000 installed workspaces (100 tickets each), OAuth mode, side
 * by side in one run: the p99 ratio, start-up time and memory (issue 26, item 7).
 */
export async function workspacesScale(slack: FakeSlack, dir: string) {
  const one = await run(slack, dir, 1)
  const many = await run(slack, dir, 1000)
  return { one, many, ratioP99: Math.round((many.stats.p99 / one.stats.p99) * 100) / 100 }
}
