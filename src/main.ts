import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import type { LogLevel } from '@slack/bolt'
import { createBot } from './bot.js'
import { type Config, loadConfig } from './config.js'
import type { Clock } from './domain/clock.js'
import { CodedError, errorCode } from './errors.js'
import { createLogger } from './logger.js'
import type { Periodic } from './scheduling/periodic.js'
import { startSoracomChecks } from './scheduling/soracom-checks.js'
import { startReminderSweeps } from './scheduling/sweeper.js'
import { openStore, type Store } from './store/index.js'
import { openPostgresStore } from './store/postgres/store.js'

/** How long a shutdown waits for in-flight listeners (posting after their ack) before exiting. */
const SHUTDOWN_DRAIN_MS = 5000

/** Builds the dependencies and starts the bot; nothing else lives here. */
async function main(): Promise<void> {
  // ENV_FILE names the settings file (a service: give it an absolute path, or use systemd's
  // EnvironmentFile= / docker's --env-file instead); otherwise `.env` in the working directory.
  // Variables already in the environment win over the file's.
  const envFile = process.env.ENV_FILE
  if (envFile) {
    if (!existsSync(envFile)) {
      console.error(
        `config: ENV_FILE ${envFile} does not exist: give the path of the settings file, or unset ENV_FILE`,
      )
      process.exit(1)
    }
    process.loadEnvFile(envFile)
  } else if (existsSync('.env')) process.loadEnvFile('.env')
  const loaded = loadConfig(process.env)
  if (!loaded.ok) {
    for (const problem of loaded.problems) console.error(`config: ${problem}`)
    process.exit(1)
  }
  const { config } = loaded
  // Bolt's LogLevel values are the same words as LOG_LEVEL's.
  const logLevel = config.logLevel as LogLevel
  const logger = createLogger({
    level: logLevel,
    secrets: [
      ...(config.botToken ? [config.botToken] : []),
      ...(config.oauth ? [config.oauth.clientSecret, config.oauth.stateSecret] : []),
      ...(config.mode.kind === 'http' ? [config.mode.signingSecret] : [config.mode.appToken]),
      ...databaseSecrets(config.database?.url),
    ],
  })
  const fixed = config.botNow
  const clock: Clock = fixed ? { now: () => new Date(fixed) } : { now: () => new Date() }
  const database = config.database
  const store: Store = database
    ? await openDatabase(database, clock, logger)
    : await openDataFile(config.dataFile, logger)
  let bot: ReturnType<typeof createBot>
  try {
    bot = createBot({
      config,
      store,
      clock,
      newId: () => `T${randomBytes(5).toString('hex').toUpperCase()}`,
      logger,
      logLevel,
    })
    const rotated = await bot.finishKeyRotation()
    if (rotated.length > 0) {
      logger.info('SORACOM credentials sealed again with CREDENTIALS_KEY; CREDENTIALS_KEY_PREVIOUS can go', {
        links: rotated,
      })
    } else if (config.soracom.previousCredentialsKey) {
      logger.info('no stored SORACOM credential needs CREDENTIALS_KEY_PREVIOUS; it can go')
    }
  } catch (error) {
    // e.g. stored SORACOM credentials and no (or another) CREDENTIALS_KEY: let go of the file first.
    await store.close()
    throw error
  }
  const { app, sweep, drain, identity, checkLinks, stopRedelivery } = bot
  // SIGTERM/SIGINT, from the moment the file is ours: stop accepting at once (the HTTP server
  // closes), no new sweeps, give in-flight listeners a few seconds to finish posting, then let go
  // of the file and exit. Whatever they acknowledged is on disk already; what they could not
  // post, the next start posts.
  let sweeps: Periodic | undefined
  let checks: Periodic | undefined
  let stopping = false
  const shutdown = async (exitCode = 0) => {
    if (stopping) return
    stopping = true
    // A sweep or check in flight finishes too: cut off between posting and storing where the
    // message went, it would post the message again after the restart.
    const periodic = Promise.all([sweeps?.stop(), checks?.stop()])
    identity?.stop()
    const retries = stopRedelivery()
    const closed = app.stop().catch((error: unknown) => logger.warn('stop failed', { error }))
    const drained = await Promise.race([
      Promise.all([drain(), periodic, retries]).then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), SHUTDOWN_DRAIN_MS).unref()),
    ])
    if (!drained)
      logger.warn('shutdown: in-flight work left for the next start', { afterMs: SHUTDOWN_DRAIN_MS })
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 500).unref())])
    await store.close()
    process.exit(exitCode)
  }
  process.once('SIGTERM', () => void shutdown())
  process.once('SIGINT', () => void shutdown())

  const portInUse = (error: unknown) => {
    const line = listenProblem(error, config.mode.port)
    if (!line) return false
    console.error(line)
    void shutdown(1)
    return true
  }
  if (config.mode.kind === 'http') {
    let server: Awaited<ReturnType<typeof app.start>>
    try {
      server = await app.start(config.mode.port)
    } catch (error) {
      if (portInUse(error)) return
      throw error
    }
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : config.mode.port
    // What is bound, as it is: every interface unless a proxy-only address was configured.
    const host = typeof address === 'object' && address ? address.address : '0.0.0.0'
    const shown = host.includes(':') ? `[${host}]` : host
    logger.info(`listening on http://${shown}:${port}/slack/events (HTTP mode)`, { mode: 'http', port, host })
  } else {
    // The health port's server reports a failed listen as an 'error' event, not a rejection.
    bot.onServerError((error) => {
      if (!portInUse(error)) logger.error('health server failed', { error })
    })
    await app.start()
    logger.info('connected in Socket Mode', { mode: 'socket' })
  }
  if (stopping) return
  // After start-up, not before: a slow Slack must not keep the bot from answering. Who the bot is
  // comes from auth.test, asked with backoff; /healthz says "not ready" until Slack answers. The
  // first sweep posts what came due while the bot was down.
  // An OAuth bot has a token per installed workspace, each refused or not on its own (bot.ts).
  if (identity) {
    void identity.connect().then(() => {
      if (!identity.refused) {
        // Whose the data is, so a later switch to OAuth hands it to that workspace alone.
        const { teamId, enterpriseId } = identity.identity
        if (teamId)
          void store.workspaces
            .recordSingleTeam({ teamId, ...(enterpriseId ? { enterpriseId } : {}) })
            .catch((error: unknown) => logger.warn('could not record the workspace of the data', { error }))
        return
      }
      // Waiting will not make Slack accept this token: say so in one line and stop.
      console.error(
        `config: SLACK_BOT_TOKEN was refused by Slack (${identity.refused}): copy the Bot User OAuth Token (xoxb-…) again from the app's "OAuth & Permissions" page, and check the app is still installed in the workspace`,
      )
      void shutdown(1)
    })
  } else {
    logger.info(`installs at ${config.oauth?.baseUrl}/slack/install (OAuth distribution)`, {
      workspaces: (await store.workspaces.list()).length,
    })
  }
  sweeps = startReminderSweeps(sweep, (error) => logger.error('sweep failed', { error }))
  // Linked operators' bills and payment method: at start-up, then every SORACOM_POLL_MINUTES.
  checks = startSoracomChecks(checkLinks, config.soracom.pollMinutes, (error) =>
    logger.error('soracom checks failed', { error }),
  )
}

/** The data file (DATA_FILE), locked for this process; a disk that refuses writes is reported once per change. */
function openDataFile(file: string, logger: ReturnType<typeof createLogger>): Promise<Store> {
  let renewal: 'ok' | 'failing' | 'stopped' = 'ok'
  return openStore(file, {
    // Another process holds the lease now (this one was frozen past the stale time): stop at once.
    onLost: (lockFile) => {
      logger.error('data file lock lost to another process; stopping', { lockFile })
      process.exit(1)
    },
    // A disk that refuses writes is not a lost lease: keep serving, say so once per change.
    onRenewal: (event) => {
      const now = event.kind === 'renewed' ? 'ok' : event.mustStopWriting ? 'stopped' : 'failing'
      if (now === renewal) return
      renewal = now
      if (event.kind === 'renewed') logger.info('data file writable again; writes resume')
      else if (event.mustStopWriting)
        logger.error('data file lease not renewed for the stale time; no writes until the disk recovers', {
          error: event.error,
        })
      else
        logger.warn('data file lease cannot be renewed (disk refuses); serving, retrying', {
          error: event.error,
        })
    },
  })
}

/**
 * PostgreSQL (DATABASE_URL): migrations first (once across replicas), then a pool of
 * DATABASE_POOL_MAX connections. An unreachable server at start-up stops the bot with one line;
 * once running, an outage is reported and served through (slack/middleware, /healthz).
 */
async function openDatabase(
  database: NonNullable<Config['database']>,
  clock: Clock,
  logger: ReturnType<typeof createLogger>,
): Promise<Store> {
  try {
    return await openPostgresStore(database.url, {
      now: () => clock.now(),
      pool: { max: database.poolMax },
      leases: { jobMs: database.leaseSeconds * 1000, postingMs: database.leaseSeconds * 1000 },
      onHealth: (problem) => {
        if (problem)
          logger.error('PostgreSQL unreachable; requests are answered that nothing can be saved', { problem })
        else logger.info('PostgreSQL answers again')
      },
    })
  } catch (error) {
    throw new DatabaseStartError(error)
  }
}

class DatabaseStartError extends CodedError {
  readonly code = 'database_unreachable'
  constructor(cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    super(
      `DATABASE_URL cannot be used (${errorCode(cause)}: ${reason}): check the server is up and the URL's host, port, user and password`,
    )
  }
}

/** The password in DATABASE_URL, so no log line shows it. */
function databaseSecrets(url: string | undefined): string[] {
  if (!url) return []
  const password = decodeURIComponent(new URL(url).password)
  return password ? [password] : []
}

/** One line for a port the bot cannot listen on, naming PORT; undefined for other errors. */
function listenProblem(error: unknown, port: number): string | undefined {
  const code = errorCode(error)
  if (code === 'EADDRINUSE')
    return `config: PORT ${port} is in use by another process: stop that process, or set PORT to a free port`
  if (code === 'EACCES')
    return `config: PORT ${port} needs privileges this user lacks: use a port above 1023 (the HTTPS proxy listens on 443)`
  return undefined
}

main().catch((error: unknown) => {
  if (error instanceof CodedError) console.error(`${error.code}: ${error.message}`)
  else console.error('start-up failed:', error)
  process.exit(1)
})
