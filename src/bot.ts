import type { Logger as BoltLogger, LogLevel } from '@slack/bolt'
import { type RetryOptions, WebClient } from '@slack/web-api'
import { GuideIndex, loadGuide } from './answers/guide-index.js'
import { checkLinkedOperators } from './app/check-linked-operators.js'
import type { AppDeps } from './app/deps.js'
import { KeyedQueue } from './app/keyed-queue.js'
import type { Logger } from './app/ports.js'
import { sweep } from './app/sweep.js'
import type { Config } from './config.js'
import type { Clock, IdGenerator } from './domain/clock.js'
import { linkKey } from './domain/soracom-link.js'
import { errorCode } from './errors.js'
import { createRenderer } from './render/templates.js'
import { type RedeliveryTiming, TimedRedelivery } from './scheduling/redelivery.js'
import { ReminderDelivery } from './scheduling/reminder-delivery.js'
import { createSlackApp, SLACK_RETRY_POLICY, SLACK_TIMEOUT_MS } from './slack/app.js'
import { SlackIdentity } from './slack/identity.js'
import { SlackNotifier } from './slack/notifier.js'
import { SoracomGateway, type SoracomGatewayOptions } from './soracom/gateway.js'
import type { Store } from './store/index.js'

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
}

/**
 * Wires the use cases to their adapters — the store's repositories, Slack (a Web API client for
 * what follows an ack), Slack's scheduler — and builds the Bolt app over them. main.ts and the
 * integration tests build the bot the same way.
 */
export function createBot(parts: BotParts) {
  const { config, store, clock, logger } = parts
  const retryConfig = parts.retryConfig ?? SLACK_RETRY_POLICY
  const client = new WebClient(config.botToken, {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    retryConfig,
    timeout: parts.slackTimeoutMs ?? SLACK_TIMEOUT_MS,
    logger,
  })
  const admins = new Set(config.access.admins)
  const soracom = new SoracomGateway({
    jpUrl: config.soracom.jpUrl,
    globalUrl: config.soracom.globalUrl,
    credentialsKey: config.soracom.credentialsKey,
    previousCredentialsKey: config.soracom.previousCredentialsKey,
    ...(parts.soracomTiming ? { timing: parts.soracomTiming } : {}),
  })
  // A stored link whose key cannot be opened (no CREDENTIALS_KEY, or another one) stops here;
  // during a rotation the links sealed with CREDENTIALS_KEY_PREVIOUS come back sealed anew.
  const resealed = soracom.checkKeys(store.links.list())
  const redelivery = new TimedRedelivery(
    (key, error) =>
      logger.warn('another try failed; the sweep will try again', { key, error: errorCode(error) }),
    parts.redeliveryTiming,
  )
  const deps: AppDeps = {
    tickets: store.tickets,
    checklists: store.checklists,
    reminders: store.reminders,
    subscriptions: store.subscriptions,
    operators: store.operators,
    links: store.links,
    alerts: store.alerts,
    answers: parts.answers ?? new GuideIndex(loadGuide()),
    soracom,
    notifier: new SlackNotifier(client),
    scheduler: new ReminderDelivery({ client, reminders: store.reminders, clock, logger, redelivery }),
    clock,
    newId: parts.newId,
    renderer: createRenderer(),
    logger,
    isAdmin: (user, workspaceAdmin) => (admins.size > 0 ? admins.has(user) : workspaceAdmin === true),
    queue: new KeyedQueue(),
    awaitingPost: new Set(),
    redelivery,
  }
  const identity = new SlackIdentity(client, logger)
  const { app, drain, onServerError } = createSlackApp(config, deps, {
    identity,
    retryConfig,
    logger,
    ...(parts.logLevel ? { logLevel: parts.logLevel } : {}),
    ...(parts.slackTimeoutMs ? { timeoutMs: parts.slackTimeoutMs } : {}),
    isHealthy: store.isHealthy,
    storeProblem: store.storeProblem,
  })
  return {
    app,
    deps,
    drain,
    onServerError,
    /** Drops the tries still waiting and waits for one running (at shutdown: the next start's sweep has what is left). */
    stopRedelivery: () => redelivery.stop(),
    identity,
    sweep: () => sweep({ ...deps, archiveOld: store.archiveOld }),
    checkLinks: () => checkLinkedOperators(deps),
    /** Stores the links whose keys were sealed again (a CREDENTIALS_KEY rotation); says which. */
    finishKeyRotation: async (): Promise<string[]> => {
      for (const link of resealed) await store.links.save(link)
      return resealed.map(linkKey)
    },
  }
}
