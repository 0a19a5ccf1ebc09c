import { App, type CustomRoute, type Logger, LogLevel } from '@slack/bolt'
import type { RetryOptions } from '@slack/web-api'
import type { Config } from '../config.js'
import { ReminderService } from '../reminders/service.js'
import { registerActions } from './actions/index.js'
import { registerCommands } from './commands/index.js'
import { redeliverUndelivered } from './deliver.js'
import type { AppDeps, ListenerDeps } from './deps.js'
import { registerEvents } from './events/index.js'
import { authorization } from './middleware/authorization.js'
import { idempotency } from './middleware/idempotency.js'
import { Router } from './router.js'
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

export interface AppOptions {
  /** The Web API client's retry policy; tests use a short one. */
  retryConfig?: RetryOptions
  logLevel?: LogLevel
  logger?: Logger
}

/** Builds the Bolt app for the configured transport and registers every listener. */
export function createSlackApp(
  config: Config,
  deps: AppDeps,
  options: AppOptions = {},
): {
  app: App
  reminderService: ReminderService
  /** Lets in-flight listeners finish (for shutdown and tests). */
  drain: () => Promise<void>
  /** The periodic sweep: posts undelivered records again, then extends and delivers reminders. */
  sweep: () => Promise<void>
} {
  const clientOptions = {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    retryConfig: options.retryConfig ?? SLACK_RETRY_POLICY,
  }
  const common = {
    token: config.botToken,
    clientOptions,
    // Bolt's conversation store keeps per-conversation state we never use; it costs every request.
    convoStore: false as const,
    logLevel: options.logLevel ?? LogLevel.INFO,
    ...(options.logger ? { logger: options.logger } : {}),
  }
  const app =
    config.mode.kind === 'socket'
      ? new App({ ...common, socketMode: true, appToken: config.mode.appToken })
      : new App({ ...common, signingSecret: config.mode.signingSecret, customRoutes: [healthRoute(deps)] })

  const reminderService = new ReminderService({
    ...deps,
    client: app.client,
    logger: { warn: (message) => app.logger.warn(message) },
  })
  const admins = new Set(config.access.admins)
  const listenerDeps: ListenerDeps = { ...deps, reminderService, isAdmin: (user) => admins.has(user) }
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
  app.use(authorization(config.access))
  app.use(idempotency(listenerDeps))
  const router = new Router()
  registerCommands(router, listenerDeps)
  registerViews(router, listenerDeps)
  registerActions(router, listenerDeps)
  registerEvents(router, listenerDeps)
  router.install(app)
  app.error(async (error) => {
    app.logger.error(`Unhandled error in a listener: ${error.name}: ${error.message}`, error.original ?? '')
  })
  const drain = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight])
  }
  const sweep = async () => {
    await deps.archiveOld?.(deps.clock.now())
    await redeliverUndelivered(listenerDeps, app.client)
    await reminderService.sweep()
  }
  return { app, reminderService, drain, sweep }
}

function healthRoute(deps: AppDeps): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => {
      deps.isHealthy().then(
        (healthy) => {
          res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' })
          res.end(JSON.stringify({ ok: healthy }))
        },
        () => {
          res.writeHead(503, { 'content-type': 'application/json' })
          res.end(JSON.stringify({ ok: false }))
        },
      )
    },
  }
}
