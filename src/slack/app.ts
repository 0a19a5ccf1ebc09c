import type { Server } from 'node:http'
import { App, type CustomRoute, HTTPReceiver, type Logger, LogLevel, SocketModeReceiver } from '@slack/bolt'
import type { RetryOptions } from '@slack/web-api'
import type { Config } from '../config.js'
import { registerActions } from './actions/index.js'
import { registerCommands } from './commands/index.js'
import type { BotApp, BotContext } from './context.js'
import { registerEvents } from './events/index.js'
import type { SlackIdentity } from './identity.js'
import type { SealedInstallationStore } from './installation-store.js'
import { authorization } from './middleware/authorization.js'
import { idempotency } from './middleware/idempotency.js'
import { storeOutage } from './middleware/store-outage.js'
import { type Workspaces, workspaceContext } from './middleware/workspace.js'
import { oauthReceiverOptions } from './oauth.js'
import { registerViews } from './views/index.js'

/**
 * The Web API client's retries, chosen for what follows an ack: Bolt's default keeps retrying
 * for about 30 minutes, far past anyone waiting for their ticket. Three tries over about 7 s, then
 * the record is kept as undelivered and the sweep posts it later. HTTP 429 is waited out per
 * Retry-After by the client before it counts as a try.
 */
export const SLACK_RETRY_POLICY: RetryOptions = {
  retries: 2,
  factor: 2,
  minTimeout: 1000,
  maxTimeout: 4000,
  randomize: true,
}

/**
 * Every Web API call gives up after this long: a hanging Slack must not hold a listener (and its
 * record's queue) forever. What it was for is kept and retried by the sweep.
 */
export const SLACK_TIMEOUT_MS = 10_000

/**
 * Bolt's `respond()` posts to the response_url with plain `fetch` and no timeout (the Web API
 * client sets its own): a response_url that never answers would hold the listener forever. This
 * fetch gives such calls the same limit; calls that bring their own signal keep it.
 */
export function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return (input, init) =>
    fetch(input, init?.signal ? init : { ...init, signal: AbortSignal.timeout(timeoutMs) })
}

export interface SlackAppOptions {
  /** The Web API client's retry policy; tests use a short one. */
  retryConfig?: RetryOptions
  logLevel?: LogLevel
  logger?: Logger
  /** GET /healthz answers 200 only while this is true. */
  isHealthy: () => Promise<boolean>
  /** Why the data file cannot be written now (named on /healthz). */
  storeProblem?: () => string | undefined
  /** Single-workspace mode: who the bot is (auth.test at start-up, never on a request's path). */
  identity?: SlackIdentity
  /** OAuth mode: where installations are kept (sealed). */
  installationStore?: SealedInstallationStore
  /** Every Slack call's limit, response_url posts included (tests shorten it). */
  timeoutMs?: number
}

/**
 * Builds the Bolt app for the configured transport: global middleware (whose workspace, who may
 * ask, duplicates dropped), then every listener with Bolt's own app.command / app.view /
 * app.action / app.event. Single-workspace mode serves SLACK_BOT_TOKEN's workspace; OAuth mode
 * (HTTP only) serves every installation, each request with its own workspace's token.
 */
export function createSlackApp(
  config: Config,
  workspaces: Workspaces,
  options: SlackAppOptions,
): { app: BotApp; drain: () => Promise<void>; onServerError: (handler: (error: unknown) => void) => void } {
  const clientOptions = {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    retryConfig: options.retryConfig ?? SLACK_RETRY_POLICY,
    timeout: options.timeoutMs ?? SLACK_TIMEOUT_MS,
    fetch: fetchWithTimeout(options.timeoutMs ?? SLACK_TIMEOUT_MS),
  }
  const { identity } = options
  const serverErrors: Array<(error: unknown) => void> = []
  const oauth = config.oauth
  if (oauth && (config.mode.kind !== 'http' || !options.installationStore))
    throw new Error('OAuth distribution needs the HTTP receiver and an installation store')
  const common = {
    // Single-workspace mode: our own authorize instead of `token` (Bolt would call auth.test on the
    // first request and keep a failure forever; the identity is asked at start-up with retries).
    // OAuth mode: Bolt's installer authorizes each request from its workspace's installation.
    ...(oauth ? {} : { authorize: async () => ({ botToken: config.botToken ?? '', ...identity?.identity }) }),
    clientOptions,
    // Bolt's conversation store keeps per-conversation state we never use; it costs every request.
    convoStore: false as const,
    // The error handler sees the request too: the log says which callback, user and workspace.
    extendedErrorHandler: true,
    logLevel: options.logLevel ?? LogLevel.INFO,
    ...(options.logger ? { logger: options.logger } : {}),
  }
  const app =
    config.mode.kind === 'socket'
      ? new App<BotContext>({
          ...common,
          receiver: socketReceiver(config.mode, options, clientOptions, (error) => {
            for (const handler of serverErrors) handler(error)
          }),
        })
      : new App<BotContext>({
          ...common,
          receiver: strictHttpReceiver(
            new HTTPReceiver({
              signingSecret: config.mode.signingSecret,
              customRoutes: [healthRoute(options, identity)],
              logLevel: common.logLevel,
              ...(options.logger ? { logger: options.logger } : {}),
              ...(oauth && options.installationStore
                ? oauthReceiverOptions(oauth, options.installationStore, clientOptions, options.logger)
                : {}),
            }),
          ),
        })

  // Listeners keep working after their ack (posting, updating, scheduling): track them so a
  // shutdown can let them finish.
  const inFlight = new Set<Promise<unknown>>()
  app.use(async ({ next }) => {
    const running = next()
    inFlight.add(running)
    try {
      await running
    } finally {
      inFlight.delete(running)
    }
  })
  app.use(storeOutage())
  app.use(workspaceContext(workspaces, app.logger))
  app.use(authorization())
  app.use(idempotency())
  registerCommands(app)
  registerViews(app)
  registerActions(app)
  registerEvents(app, (workspace, event) => workspaces.uninstalled(workspace, event))
  // With extendedErrorHandler, Bolt calls this with { error, body, … }; its type is the union of both forms.
  const onError = async ({ error, body }: { error: Error; body: unknown }) => {
    app.logger.error(`Unhandled error in a listener: ${error.name}: ${error.message}`, {
      ...describeRequest(body),
      error: (error as { original?: unknown }).original ?? error,
    })
  }
  app.error(onError as unknown as Parameters<App['error']>[0])
  const drain = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight])
  }
  return { app, drain, onServerError: (handler) => void serverErrors.push(handler) }
}

/** Which callback, user and workspace a request was: for the error log (no payload, no text). */
export function describeRequest(body: unknown): Record<string, string> {
  const b = (body ?? {}) as Record<string, unknown> & {
    user?: { id?: string; team_id?: string }
    team?: { id?: string }
    view?: { callback_id?: string }
    actions?: Array<{ action_id?: string }>
    event?: { type?: string; user?: string }
  }
  const callback =
    b.view?.callback_id ?? b.actions?.[0]?.action_id ?? (b.command as string | undefined) ?? b.event?.type
  const user = b.user?.id ?? (b.user_id as string | undefined) ?? b.event?.user
  const team = b.team?.id ?? (b.team_id as string | undefined) ?? b.user?.team_id
  return {
    ...(callback ? { callback } : {}),
    ...(user ? { user } : {}),
    ...(team ? { team } : {}),
  }
}

/**
 * The Socket Mode client's own calls (apps.connections.open, to reconnect) retry without end: when
 * Slack asks for a reconnect and is briefly unreachable, the bot must wait it out, not exit.
 */
export const SOCKET_RETRY_POLICY: RetryOptions = {
  forever: true,
  factor: 2,
  minTimeout: 1000,
  maxTimeout: 5000,
}

/** Where the Socket Mode connection stands, for /healthz and the logs. */
export type SocketState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected'

/**
 * Socket Mode with reconnects that outlast a Slack hiccup, its state logged as it changes, and
 * /healthz served on PORT (the receiver's small HTTP server) reporting that state.
 */
function socketReceiver(
  mode: Extract<Config['mode'], { kind: 'socket' }>,
  options: SlackAppOptions,
  clientOptions: { slackApiUrl?: string; timeout: number },
  onServerError: (error: unknown) => void,
): SocketModeReceiver {
  let state: SocketState = 'connecting'
  const receiver = new SocketModeReceiver({
    appToken: mode.appToken,
    ...(options.logger ? { logger: options.logger } : {}),
    logLevel: options.logLevel ?? LogLevel.INFO,
    installerOptions: {
      port: mode.port,
      clientOptions: {
        ...(clientOptions.slackApiUrl ? { slackApiUrl: clientOptions.slackApiUrl } : {}),
        timeout: clientOptions.timeout,
        retryConfig: SOCKET_RETRY_POLICY,
      },
    },
    customRoutes: [healthRoute(options, options.identity, () => state)],
  })
  // Bolt starts the health port's server without an 'error' listener: a port in use would crash
  // the process with an unhandled 'error' event.
  const health = (receiver as unknown as { httpServer?: Server }).httpServer
  health?.on('error', onServerError)
  for (const next of ['connected', 'reconnecting', 'disconnected'] as const) {
    receiver.client.on(next, () => {
      state = next
      options.logger?.info('socket mode', { state })
    })
  }
  return receiver
}

/** Slack's signatures carry a timestamp; Bolt refuses ones older than 5 minutes, not newer. */
const MAX_CLOCK_SKEW_S = 5 * 60

/**
 * Refuses (401) a request signed more than 5 minutes in the future before Bolt sees it: a replay
 * window must not open on the other side of now. Transport only; the rest is Bolt's receiver.
 */
export function strictHttpReceiver(receiver: HTTPReceiver): HTTPReceiver {
  const inner = receiver.requestListener
  receiver.requestListener = (req, res) => {
    const signedAt = Number(req.headers['x-slack-request-timestamp'])
    if (Number.isFinite(signedAt) && signedAt > Date.now() / 1000 + MAX_CLOCK_SKEW_S) {
      res.writeHead(401)
      res.end()
      return
    }
    inner(req, res)
  }
  return receiver
}

/**
 * 200 when the store is readable and writable, Slack has answered auth.test (single-workspace
 * mode; an OAuth bot has one token per workspace, none to wait for) and (Socket Mode) the socket
 * is connected; else 503 saying which.
 */
function healthRoute(
  storeOptions: Pick<SlackAppOptions, 'isHealthy' | 'storeProblem'>,
  identity: SlackIdentity | undefined,
  socket?: () => SocketState,
): CustomRoute {
  const { isHealthy } = storeOptions
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => {
      isHealthy().then(
        (store) => {
          const problem = storeOptions.storeProblem?.()
          const socketState = socket?.()
          const slackReady = identity ? identity.ready : true
          const ok = store && slackReady && (socketState === undefined || socketState === 'connected')
          res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' })
          res.end(
            JSON.stringify({
              ok,
              store,
              ...(store === false && problem ? { storeProblem: problem } : {}),
              slack: !identity
                ? 'per workspace'
                : identity.refused
                  ? 'token refused'
                  : identity.ready
                    ? 'ready'
                    : 'not ready',
              ...(socketState ? { socket: socketState } : {}),
            }),
          )
        },
        () => {
          res.writeHead(503, { 'content-type': 'application/json' })
          res.end(JSON.stringify({ ok: false }))
        },
      )
    },
  }
}
