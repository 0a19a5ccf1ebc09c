import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LogLevel } from '@slack/bolt'
import pg from 'pg'
import type { AppDeps } from '../../src/app/deps.js'
import { createBot } from '../../src/bot.js'
import type { AccessConfig, Config } from '../../src/config.js'
import { createLogger } from '../../src/logger.js'
import {
  type FileStore,
  openStore,
  SINGLE_WORKSPACE,
  type Store,
  type WorkspaceRepositories,
} from '../../src/store/index.js'
import { openPostgresStore } from '../../src/store/postgres/store.js'
import { FAKE_OAUTH_APP, FakeSlack, type FakeTeam, installInBrowser } from './fake-slack.js'
import { freshDatabase } from './postgres-server.js'
import {
  type Answer,
  blockActionsForm,
  postSigned,
  postSignedEvent,
  type SendOptions,
  SIGNING_SECRET,
  slashCommandForm,
  viewSubmissionForm,
} from './slack-request.js'
import { POSTGRES_URL } from './store-backends.js'

type OpenedView = Parameters<typeof viewSubmissionForm>[0]

export interface TestBot {
  url: string
  /** The use cases' dependencies, as the bot built them (single-workspace mode). */
  deps: AppDeps
  /** OAuth mode: an installed workspace's repositories (undefined: not installed). */
  workspaceDeps(teamId: string): Promise<WorkspaceRepositories | undefined>
  /** The periodic sweep, run now. */
  sweep(): Promise<void>
  /** The checks of linked operators (SORACOM), run now. */
  checkLinks(): ReturnType<ReturnType<typeof createBot>['checkLinks']>
  /** Moves the bot's clock. */
  setNow(iso: string): void
  slack: FakeSlack
  /** The store, with the single workspace's repositories at hand (`store.tickets` …). */
  store: Store & WorkspaceRepositories
  /** The data file's store (undefined on PostgreSQL), for what only the file shows. */
  fileStore: FileStore | undefined
  /** The data file, or on PostgreSQL the name of the bot's database: pass it again to restart on the same data. */
  dataFile: string
  /** Everything the store holds, as text (the data file and its workspace files, or every row): for leak checks. */
  storedText(): Promise<string>
  /** Sends a signed slash command; resolves with the HTTP answer. */
  command(
    command: string,
    text?: string,
    opts?: { userId?: string; channelId?: string; teamId?: string } & SendOptions,
  ): ReturnType<typeof postSigned>
  /** Runs the command, waits for its modal, and submits it with the given answers. */
  submitModal(
    command: string,
    text: string,
    answers: Record<string, Answer>,
    opts?: { userId?: string; channelId?: string; teamId?: string },
  ): Promise<{ status: number; body: unknown }>
  /** Sends an Events API event, signed. */
  event(
    event: Record<string, unknown>,
    opts?: { eventId?: string; headers?: Record<string, string>; teamId?: string },
  ): ReturnType<typeof postSignedEvent>
  /** Submits a modal the bot opened (the `count`-th views.open call) with the given answers. */
  submitOpened(
    answers: Record<string, Answer>,
    opts?: { userId?: string; count?: number; teamId?: string; view?: OpenedView },
  ): Promise<{ status: number; body: unknown }>
  /** Clicks a button as `userId` on a message the bot posted. */
  click(
    action: { action_id: string; value: string; block_id?: string },
    opts?: { userId?: string; channelId?: string; messageTs?: string; home?: boolean; teamId?: string },
  ): ReturnType<typeof postSigned>
  /**
   * OAuth mode: installs the app in `team` as a browser would — GET /slack/install, Slack's
   * authorize page (the fake's), back to /slack/oauth_redirect with the state cookie.
   */
  install(team: FakeTeam, opts?: { cookie?: 'keep' | 'drop' }): Promise<{ status: number; html: string }>
  stop(): Promise<void>
  /** Stops the bot but leaves its data file, for restart tests. */
  stopKeepingData(): Promise<void>
}

/**
 * Which store the bots of this test run use: the data file, or (TEST_STORE=postgres) the test
 * PostgreSQL server, a fresh database for each bot — the black-box suite runs on both.
 */
export const STORE_BACKEND: 'file' | 'postgres' = process.env.TEST_STORE === 'postgres' ? 'postgres' : 'file'

/** PostgreSQL runs: the database behind each `dataFile` name, so a restarted bot finds its data. */
const databases = new Map<string, { url: string; drop: () => Promise<void> }>()

async function openTestStore(
  dataFile: string,
  now: () => Date,
  writeFile: ((file: string, text: string) => Promise<void>) | undefined,
): Promise<{ store: Store; fileStore?: FileStore }> {
  if (STORE_BACKEND === 'file') {
    const fileStore = await openStore(dataFile, writeFile ? { writeFile } : {})
    return { store: fileStore, fileStore }
  }
  if (!POSTGRES_URL) throw new Error('TEST_STORE=postgres needs the test PostgreSQL server')
  let db = databases.get(dataFile)
  if (!db) {
    db = await freshDatabase(POSTGRES_URL)
    databases.set(dataFile, db)
  }
  return { store: await openPostgresStore(db.url, { now, pool: { max: 4 } }) }
}

async function storedText(dataFile: string): Promise<string> {
  const db = databases.get(dataFile)
  if (!db) {
    const folder = `${dataFile}.workspaces`
    const names = await readdir(folder).catch(() => [] as string[])
    const files = [dataFile, ...names.map((n) => join(folder, n))]
    return (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n')
  }
  const client = new pg.Client({ connectionString: db.url })
  await client.connect()
  try {
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    )
    const parts: string[] = []
    for (const { table_name } of rows) {
      const dump = await client.query(
        `SELECT coalesce(json_agg(t), '[]'::json)::text AS rows FROM "${table_name}" t`,
      )
      parts.push(`${table_name}: ${dump.rows[0]?.rows}`)
    }
    return parts.join('\n')
  } finally {
    await client.end()
  }
}

/** The real Bolt app over HTTP on 127.0.0.1, against a fresh fake Slack and a temp data file. */
export async function startTestBot(
  opts: {
    now?: string
    dataFile?: string
    slack?: FakeSlack
    idStart?: number
    access?: AccessConfig
    retries?: number
    /** A fake SORACOM API (both coverages point at it) and the key stored auth keys are sealed with. */
    soracom?: { url: string }
    credentialsKey?: Buffer
    /** Every log line the bot writes (JSON), for tests that look for leaks. */
    logLines?: string[]
    /** How the data file reaches the disk (default: the real atomic write); a stalled disk for tests. */
    writeFile?: (file: string, text: string) => Promise<void>
    /** Every Slack call's limit (default: the bot's 10 s). */
    slackTimeoutMs?: number
    /** SORACOM's per-request timeout and deadline (short, so failures come quickly, with room for a loaded machine). */
    soracomTiming?: { timeoutMs: number; deadlineMs: number; backoffMs: number }
    /** Another try for what Slack failed for a moment (default: 100 ms, doubling, at most 1 s). */
    redeliveryTiming?: { firstMs: number; maxMs: number }
    /** OAuth distribution (many workspaces) instead of SLACK_BOT_TOKEN. */
    oauth?: boolean
    /** This PostgreSQL database, whatever TEST_STORE says (a server of the test's own, for outages). */
    databaseUrl?: string
  } = {},
): Promise<TestBot> {
  const slack = opts.slack ?? (await new FakeSlack().start())
  const ownSlack = opts.slack === undefined
  const dir = await mkdtemp(join(tmpdir(), 'billing-bot-'))
  const dataFile = opts.dataFile ?? join(dir, 'db.json')
  let now = new Date(opts.now ?? '2026-11-26T10:00:00+09:00')
  const { store, fileStore } = opts.databaseUrl
    ? { store: await openPostgresStore(opts.databaseUrl, { now: () => new Date(now), pool: { max: 4 } }) }
    : await openTestStore(dataFile, () => new Date(now), opts.writeFile)
  const credentialsKey = opts.credentialsKey ?? (opts.oauth ? randomBytes(32) : undefined)
  const config: Config = {
    ...(opts.oauth
      ? {
          oauth: {
            ...FAKE_OAUTH_APP,
            stateSecret: 'a-state-secret-of-at-least-32-characters',
            baseUrl: 'https://billing-bot.example.com',
          },
        }
      : { botToken: 'xoxb-test' }),
    mode: { kind: 'http', signingSecret: SIGNING_SECRET, port: 0 },
    slackApiUrl: slack.apiUrl,
    dataFile,
    logLevel: 'info',
    access: opts.access ?? { admins: [] },
    soracom: {
      jpUrl: opts.soracom?.url ?? 'http://127.0.0.1:9/v1',
      globalUrl: opts.soracom?.url ?? 'http://127.0.0.1:9/v1',
      pollMinutes: 0,
      ...(credentialsKey ? { credentialsKey } : {}),
    },
  }
  // Slack's clock follows the bot's, so scheduling limits are checked against the same "now".
  slack.now = () => now.getTime()
  let seq = opts.idStart ?? 0
  const lines = opts.logLines
  const logger = createLogger({ write: lines ? (line) => void lines.push(line) : () => undefined })
  logger.setLevel(lines ? LogLevel.DEBUG : LogLevel.ERROR)
  const { app, deps, drain, sweep, identity, checkLinks, stopRedelivery } = createBot({
    config,
    store,
    clock: { now: () => new Date(now) },
    newId: () => `T${String(++seq).padStart(4, '0')}`,
    logger,
    retryConfig: { retries: opts.retries ?? 0, minTimeout: 10, maxTimeout: 10 },
    logLevel: lines ? LogLevel.DEBUG : LogLevel.ERROR,
    soracomTiming: opts.soracomTiming ?? { timeoutMs: 2000, deadlineMs: 3000, backoffMs: 20 },
    ...(opts.slackTimeoutMs ? { slackTimeoutMs: opts.slackTimeoutMs } : {}),
    redeliveryTiming: opts.redeliveryTiming ?? { firstMs: 100, maxMs: 1000 },
  })
  const server = (await app.start(0)) as Server
  await identity?.connect()
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  /** A view_submission's answer that replaces the modal must be a view Slack accepts. */
  const checkViewAck = (submitted: Awaited<ReturnType<typeof postSigned>>) => {
    const body = submitted.text === '' ? undefined : submitted.json()
    const action = (body as { response_action?: string } | undefined)?.response_action
    if (action === 'update' || action === 'push')
      slack.checkResponse('views.update', { view: (body as { view: unknown }).view })
    return { status: submitted.status, body }
  }

  const bot: TestBot = {
    url,
    deps,
    workspaceDeps: async (key) => ((await store.workspaces.get(key)) ? store.workspace(key) : undefined),
    sweep,
    checkLinks,
    setNow(iso: string) {
      now = new Date(iso)
    },
    slack,
    store: { ...store, ...store.workspace(SINGLE_WORKSPACE) },
    fileStore,
    dataFile,
    storedText: () => storedText(dataFile),
    async command(command, text = '', o = {}) {
      const res = await postSigned(
        url,
        slashCommandForm({ command, text, ...o, responseUrl: slack.responseUrl() }),
        o,
      )
      // The ack's body is a message Slack shows: it must be one Slack accepts.
      if (res.status === 200 && res.text !== '') slack.checkResponse('response_url', res.json())
      return res
    },
    async submitModal(command, text, answers, o = {}) {
      const opened = slack.callsTo('views.open').length
      const res = await bot.command(command, text, o)
      if (res.status !== 200) throw new Error(`${command} answered ${res.status}`)
      const call = await slack.waitFor('views.open', () => true, { count: opened + 1 })
      const view = call.args.view as OpenedView
      const submitted = await postSigned(
        url,
        viewSubmissionForm(view, answers, { userId: o.userId, ...(o.teamId ? { teamId: o.teamId } : {}) }),
      )
      return checkViewAck(submitted)
    },
    event: (event, o = {}) => postSignedEvent(url, event, o),
    async submitOpened(answers, o = {}) {
      const view =
        o.view ??
        ((await slack.waitFor('views.open', () => true, { count: o.count ?? 1 })).args.view as OpenedView)
      const submitted = await postSigned(
        url,
        viewSubmissionForm(view, answers, { userId: o.userId, ...(o.teamId ? { teamId: o.teamId } : {}) }),
      )
      return checkViewAck(submitted)
    },
    click: (action, o = {}) =>
      postSigned(url, blockActionsForm(action, { ...o, responseUrl: slack.responseUrl('action') })),
    install: (team, o = {}) => installInBrowser(url, slack, team, o),
    async stopKeepingData() {
      await stopRedelivery()
      await drain()
      await app.stop()
      await store.close()
    },
    async stop() {
      await stopRedelivery()
      await drain()
      await app.stop()
      await store.close()
      if (ownSlack) await slack.stop()
      await rm(dir, { recursive: true, force: true })
      const db = databases.get(dataFile)
      databases.delete(dataFile)
      await db?.drop()
    },
  }
  return bot
}
