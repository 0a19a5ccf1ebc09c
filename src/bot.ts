import type { Logger as BoltLogger, LogLevel } from '@slack/bolt'
import { type RetryOptions, WebClient, type WebClientOptions } from '@slack/web-api'
import { GuideIndex, loadGuide } from './answers/guide-index.js'
import { type CheckReport, checkLinkedOperators } from './app/check-linked-operators.js'
import type { AppDeps } from './app/deps.js'
import { KeyedQueue } from './app/keyed-queue.js'
import type { Charts, Logger } from './app/ports.js'
import { sweep } from './app/sweep.js'
import type { AccessConfig, Config } from './config.js'
import type { Clock, IdGenerator } from './domain/clock.js'
import { linkKey } from './domain/soracom-link.js'
import { effectiveAccess, isAccessAdmin } from './domain/workspace-settings.js'
import { errorCode } from './errors.js'
import { createRenderer } from './render/templates.js'
import { type RedeliveryTiming, TimedRedelivery } from './scheduling/redelivery.js'
import { ReminderDelivery } from './scheduling/reminder-delivery.js'
import { createSlackApp, SLACK_RETRY_POLICY, SLACK_TIMEOUT_MS } from './slack/app.js'
import type { Workspace } from './slack/context.js'
import { SlackIdentity, TOKEN_REFUSED } from './slack/identity.js'
import { openInstallation, SealedInstallationStore, sealInstallation } from './slack/installation-store.js'
import { DirectoryCache } from './slack/middleware/directory.js'
import type { Workspaces } from './slack/middleware/workspace.js'
import { SlackNotifier } from './slack/notifier.js'
import { SoracomGateway, type SoracomGatewayOptions } from './soracom/gateway.js'
import { SINGLE_WORKSPACE, type Store, type WorkspaceRepositories } from './store/index.js'
import type { WorkspaceEntry } from './store/workspace-registry.js'

/**
 * The charting library is slow to load (importing ECharts took 571 ms on a 2-core dev machine):
 * loaded with the first chart, after an ack, not at start-up.
 */
const LAZY_CHARTS: Charts = {
  spend: async (data) => (await import('./render/charts.js')).spendChartPng(data),
}

export interface BotParts {
  config: Config
  store: Store
  clock: Clock
  newId: IdGenerator
  logger: Logger & BoltLogger
  retryConfig?: RetryOptions
  logLevel?: LogLevel
  /** The guide's answers (built from knowledge/guide.yaml when not given). */
  answers?: GuideIndex
  /** SORACOM timeouts and backoff (tests shorten them). */
  soracomTiming?: SoracomGatewayOptions['timing']
  /** Every Slack call's limit (SLACK_TIMEOUT_MS; tests shorten it). */
  slackTimeoutMs?: number
  /** How soon what Slack failed for a moment is tried again (tests shorten it). */
  redeliveryTiming?: RedeliveryTiming
  /** The spend charts (default: drawn with ECharts and resvg). */
  charts?: Charts
}

/** One workspace as this process serves it: what requests see, and what the periodic work runs. */
interface Runtime {
  workspace: Workspace
  store: WorkspaceRepositories
  /** The sealed installation its token came from (OAuth): another replica may have stored a newer one. */
  installation?: string
  redelivery: TimedRedelivery
  client: WebClient
  soracom: SoracomGateway
  /** The periodic work running for this workspace now (a slow one is not started twice). */
  busy: Set<'sweep' | 'check'>
}

/**
 * The Web API client of one workspace. A call Slack refuses for the token itself (revoked, the
 * app uninstalled) tells `refused` — the workspace is parked — and fails like any other call.
 */
class WorkspaceClient extends WebClient {
  constructor(
    token: string,
    options: WebClientOptions,
    private readonly refused: (code: string) => void,
  ) {
    super(token, options)
  }

  override async apiCall(...args: Parameters<WebClient['apiCall']>): ReturnType<WebClient['apiCall']> {
    try {
      return await super.apiCall(...args)
    } catch (error) {
      const code = (error as { data?: { error?: unknown } }).data?.error
      if (typeof code === 'string' && TOKEN_REFUSED.has(code)) this.refused(code)
      throw error
    }
  }
}

/** How many workspaces' sweeps (or SORACOM checks) run side by side. */
const PERIODIC_LANES = 8

/** Withdrawing an uninstalled workspace's scheduled reminders: a few at a time, each bounded. */
const WITHDRAW_CONCURRENCY = 4
const WITHDRAW_TIMEOUT_MS = 3000

/**
 * Wires the use cases to their adapters — each workspace's repositories and Slack clients,
 * Slack's scheduler — and builds the Bolt app over them. main.ts and the integration tests build
 * the bot the same way.
 *
 * Single-workspace mode (SLACK_BOT_TOKEN) serves one workspace, SINGLE_WORKSPACE in the store.
 * OAuth mode serves every installation: each workspace gets its own dependencies on its first
 * request (its token, its repositories, its queues), so a use case can only reach the records of
 * the workspace the request came from.
 */
export function createBot(parts: BotParts) {
  const { config, store, clock, logger } = parts
  const retryConfig = parts.retryConfig ?? SLACK_RETRY_POLICY
  const timeout = parts.slackTimeoutMs ?? SLACK_TIMEOUT_MS
  const answers = parts.answers ?? new GuideIndex(loadGuide())
  const renderer = createRenderer()
  const oauth = config.oauth
  const credentialsKey = config.soracom.credentialsKey
  if (oauth && !credentialsKey) throw new Error('OAuth distribution needs CREDENTIALS_KEY')
  const keys = credentialsKey
    ? {
        key: credentialsKey,
        ...(config.soracom.previousCredentialsKey ? { previous: config.soracom.previousCredentialsKey } : {}),
      }
    : undefined
  const clientOptions: WebClientOptions = {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    retryConfig,
    timeout,
    logger,
  }
  const runtimes = new Map<string, Runtime>()
  // Single-workspace mode: who the bot is, asked at start-up (never on a request's path).
  const identity = oauth
    ? undefined
    : new SlackIdentity(new WebClient(config.botToken, clientOptions), logger)

  /** Slack refused a workspace's token: its work waits until it installs again; said once. */
  const parked = async (key: string, code: string, installation: string | undefined) => {
    if (key === SINGLE_WORKSPACE) return // single mode: SlackIdentity says so and main stops
    const entry = await store.workspaces.get(key)
    // Parked already, or installed again since (by another replica): the refusal was the old token's.
    if (!entry || entry.parked === code || entry.installation !== installation) return
    logger.warn("Slack refuses this workspace's token; its work is parked until it installs again", {
      team: key,
      reason: code,
    })
    await store.workspaces.park(key, code)
  }

  function makeRuntime(
    key: string,
    token: string,
    teamId: () => string | undefined,
    installation?: string,
  ): Runtime {
    const ws = store.workspace(key)
    const client = new WorkspaceClient(token, clientOptions, (code) => {
      parked(key, code, installation).catch((error: unknown) =>
        logger.error('could not park', { team: key, error }),
      )
    })
    const soracom = new SoracomGateway({
      jpUrl: config.soracom.jpUrl,
      globalUrl: config.soracom.globalUrl,
      credentialsKey: config.soracom.credentialsKey,
      previousCredentialsKey: config.soracom.previousCredentialsKey,
      ...(parts.soracomTiming ? { timing: parts.soracomTiming } : {}),
    })
    const redelivery = new TimedRedelivery(
      (k, error) =>
        logger.warn('another try failed; the sweep will try again', {
          key: k,
          team: key,
          error: errorCode(error),
        }),
      parts.redeliveryTiming,
    )
    // The environment's lists are the single-workspace defaults; an installed workspace starts
    // with "everyone but guests, Slack's admins" until its admins say otherwise.
    const defaults: AccessConfig = key === SINGLE_WORKSPACE ? config.access : { admins: [] }
    const access = (): AccessConfig => effectiveAccess(ws.settings.get(), defaults)
    const deps: AppDeps = {
      tickets: ws.tickets,
      checklists: ws.checklists,
      reminders: ws.reminders,
      subscriptions: ws.subscriptions,
      operators: ws.operators,
      links: ws.links,
      alerts: ws.alerts,
      questions: ws.questions,
      threads: ws.threads,
      settings: ws.settings,
      accessDefaults: defaults,
      answers,
      soracom,
      notifier: new SlackNotifier(client),
      charts: parts.charts ?? LAZY_CHARTS,
      scheduler: new ReminderDelivery({ client, reminders: ws.reminders, clock, logger, redelivery }),
      clock,
      newId: parts.newId,
      renderer,
      logger,
      isAdmin: (user, workspaceAdmin) => isAccessAdmin(access(), user, workspaceAdmin),
      queue: new KeyedQueue(),
      posting: ws.posting,
      redelivery,
    }
    return {
      workspace: { key, deps, access, teamId, directory: new DirectoryCache(), deliveries: ws.deliveries },
      store: ws,
      ...(installation ? { installation } : {}),
      redelivery,
      client,
      soracom,
      busy: new Set(),
    }
  }

  /** The single workspace's runtime (made on first use); undefined in OAuth mode. */
  function singleRuntime(): Runtime | undefined {
    if (oauth || !config.botToken || !identity) return undefined
    const known = runtimes.get(SINGLE_WORKSPACE)
    if (known) return known
    const made = makeRuntime(SINGLE_WORKSPACE, config.botToken, () => identity.identity.teamId)
    runtimes.set(SINGLE_WORKSPACE, made)
    return made
  }

  /**
   * The runtime of an installed workspace, as its stored installation is now: made on first use,
   * and made again when the installation changed (installed again, perhaps through another
   * replica). Undefined when it is not installed.
   */
  function installedRuntime(entry: WorkspaceEntry | undefined, key: string): Runtime | undefined {
    const known = runtimes.get(key)
    if (!entry || !keys) {
      if (known) void forget(key)
      return undefined
    }
    if (known && known.installation === entry.installation) return known
    if (known) void forget(key)
    const token = openInstallation(entry, keys).bot?.token
    if (!token) return undefined
    const made = makeRuntime(key, token, () => key, entry.installation)
    runtimes.set(key, made)
    return made
  }

  /**
   * A request's workspace, read fresh from the store (its installation and its settings: another
   * replica may have changed either). When the store cannot answer, the runtime this process
   * already has serves (its token is Slack's to refuse), and the request's own reads and writes
   * fail with the store's error.
   */
  async function requestRuntime(teamId: string | undefined): Promise<Runtime | undefined> {
    const key = oauth ? teamId : SINGLE_WORKSPACE
    if (!key) return undefined
    let found: Runtime | undefined
    try {
      found = oauth ? installedRuntime(await store.workspaces.get(key), key) : singleRuntime()
      await found?.store.settings.load()
    } catch (error) {
      found = runtimes.get(key)
      if (!found) throw error
      logger.warn('store unreadable; serving with what this process knows', {
        team: key,
        error: errorCode(error),
      })
    }
    return found
  }

  /** Every workspace the periodic work runs for: the single one, or each installation not parked. */
  const active = async (): Promise<Runtime[]> => {
    if (!oauth) return [singleRuntime()].filter((r): r is Runtime => r !== undefined)
    const entries = (await store.workspaces.list()).filter((w) => !w.parked)
    return entries.map((w) => installedRuntime(w, w.teamId)).filter((r): r is Runtime => r !== undefined)
  }

  /** Drops a workspace's runtime (a new token, or gone): timers stopped, made again on next use. */
  const forget = async (key: string) => {
    const known = runtimes.get(key)
    runtimes.delete(key)
    await known?.redelivery.stop()
  }

  const installationStore =
    oauth && keys
      ? new SealedInstallationStore(
          store.workspaces,
          keys,
          () => clock.now(),
          (teamId) => void forget(teamId),
        )
      : undefined

  /** Ends an installation: scheduled messages withdrawn where Slack still allows, then every record deleted. */
  async function uninstall(workspace: Workspace, event: 'app_uninstalled' | 'tokens_revoked'): Promise<void> {
    if (!oauth) {
      // Single-workspace mode: the data stays (the token is the operator's to replace).
      logger.warn(`${event}: Slack says the app is gone from this workspace; the data is kept`, {
        team: workspace.teamId() ?? '',
      })
      return
    }
    const key = workspace.key
    const found = runtimes.get(key)
    if (found) {
      const scheduled = (await found.store.reminders.active()).filter(
        (r) => r.state === 'scheduled' && r.scheduledMessageId,
      )
      // The workspace's token, without the retries: Slack has usually refused it by now.
      const quick = new WebClient(found.client.token, {
        ...clientOptions,
        retryConfig: { retries: 0 },
        timeout: WITHDRAW_TIMEOUT_MS,
      })
      for (let i = 0; i < scheduled.length; i += WITHDRAW_CONCURRENCY) {
        await Promise.allSettled(
          scheduled.slice(i, i + WITHDRAW_CONCURRENCY).map((r) =>
            quick.chat.deleteScheduledMessage({
              channel: r.channel,
              scheduled_message_id: r.scheduledMessageId ?? '',
            }),
          ),
        )
      }
    }
    await forget(key)
    const removed = await store.workspaces.remove(key)
    logger.info('installation ended; its data deleted', { team: key, event, removed })
  }

  const workspaces: Workspaces = {
    of: async (teamId) => (await requestRuntime(teamId))?.workspace,
    uninstalled: uninstall,
  }

  const { app, drain, onServerError } = createSlackApp(config, workspaces, {
    ...(identity ? { identity } : {}),
    ...(installationStore ? { installationStore } : {}),
    retryConfig,
    logger,
    ...(parts.logLevel ? { logLevel: parts.logLevel } : {}),
    ...(parts.slackTimeoutMs ? { timeoutMs: parts.slackTimeoutMs } : {}),
    isHealthy: store.isHealthy,
    storeProblem: store.storeProblem,
  })

  /**
   * Runs `work` for every active workspace, PERIODIC_LANES at a time: one workspace slow, throttled
   * or failing holds one lane (each Slack call has its timeout), never the others, and one whose
   * previous run is still going is left to it. A thousand workspaces do not start a thousand
   * sweeps at once beside the requests being served.
   */
  async function eachWorkspace<T>(kind: 'sweep' | 'check', work: (r: Runtime) => Promise<T>): Promise<T[]> {
    const todo = (await active()).filter((r) => !r.busy.has(kind))
    const settled: PromiseSettledResult<T>[] = []
    let next = 0
    const lane = async () => {
      for (let r = todo[next++]; r; r = todo[next++]) {
        r.busy.add(kind)
        try {
          // Across replicas (PostgreSQL) one runs a workspace's sweep or check at a time.
          // Settings as stored now (another replica, or a request, may have changed them): the
          // digests the checks send are among them.
          const done = await r.store.exclusive(kind, async () => {
            await r.store.settings.load()
            return work(r)
          })
          if (done.ran) settled.push({ status: 'fulfilled', value: done.value })
        } catch (reason) {
          settled.push({ status: 'rejected', reason })
        } finally {
          r.busy.delete(kind)
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(PERIODIC_LANES, todo.length) }, lane))
    const failed = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected')
    if (failed.length > 0 && failed.length === settled.length && !oauth) throw failed[0]?.reason
    for (const f of failed) logger.error(`${kind} failed for a workspace`, { error: f.reason })
    return settled.filter((s): s is PromiseFulfilledResult<T> => s.status === 'fulfilled').map((s) => s.value)
  }

  const single = singleRuntime()

  return {
    app,
    /** The single workspace's dependencies (single-workspace mode; tests read them). */
    deps: single?.workspace.deps as AppDeps,
    /** A workspace's dependencies as its requests see them (undefined: not installed). */
    workspace: async (key: string) => (await requestRuntime(key))?.workspace,
    installationStore,
    drain,
    onServerError,
    /** Drops the tries still waiting and waits for those running (at shutdown: the next start's sweep has what is left). */
    stopRedelivery: async () => {
      await Promise.all([...runtimes.values()].map((r) => r.redelivery.stop()))
    },
    identity,
    sweep: async (): Promise<void> => {
      await eachWorkspace('sweep', (r) => sweep({ ...r.workspace.deps, archiveOld: r.store.archiveOld }))
    },
    checkLinks: async (): Promise<CheckReport> => {
      const reports = await eachWorkspace('check', (r) => checkLinkedOperators(r.workspace.deps))
      return mergeReports(reports)
    },
    /**
     * At start-up: a stored link whose key cannot be opened (no CREDENTIALS_KEY, or another one)
     * stops the bot here; during a rotation what CREDENTIALS_KEY_PREVIOUS sealed is sealed anew
     * and stored, the links, then the installations. Says which.
     */
    finishKeyRotation: async (): Promise<string[]> => {
      const done: string[] = []
      for (const r of await active()) {
        const links = r.soracom.checkKeys(await r.store.links.list())
        for (const link of links) await r.store.links.save(link)
        done.push(...links.map(linkKey))
      }
      if (keys?.previous) {
        for (const entry of await store.workspaces.list()) {
          const installation = openInstallation(entry, keys)
          const sealed = sealInstallation(installation, entry.teamId, keys.key)
          await store.workspaces.install({ ...entry, installation: sealed })
          done.push(`slack-installation:${entry.teamId}`)
        }
      }
      return done
    },
  }
}

function mergeReports(reports: CheckReport[]): CheckReport {
  return reports.reduce(
    (sum, r) => ({
      checked: sum.checked + r.checked,
      failed: sum.failed + r.failed,
      alerts: sum.alerts + r.alerts,
      closed: sum.closed + r.closed,
    }),
    { checked: 0, failed: 0, alerts: 0, closed: 0 },
  )
}
