import { z } from 'zod'
import type { AccessSettings } from './domain/workspace-settings.js'

/** Blank values in `.env` files mean "not set". */
const isBlank = (value: string | undefined) => value === undefined || value.trim() === ''

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' && isBlank(value) ? undefined : value),
    schema.optional(),
  )

/** How much the bot logs (JSON lines on stdout); Bolt's own debug output comes with `debug`. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const
export type LogLevelName = (typeof LOG_LEVELS)[number]

const PORT_MESSAGE = 'must be a port number from 1 to 65535 (0 picks a free port)'

/** 32 random bytes in base64, as `openssl rand -base64 32` prints them. */
const credentialsKey = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32 && /^[A-Za-z0-9+/]+={0,2}$/.test(v), {
    error: 'must be 32 random bytes in base64: create one with `openssl rand -base64 32`',
  })

const BOT_TOKEN_REQUIRED =
  'SLACK_BOT_TOKEN is required: put the bot token (xoxb-…) from the app\'s "OAuth & Permissions" page here (or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and APP_BASE_URL to distribute the app to many workspaces)'

/** The variables of OAuth distribution (many workspaces); all or none. */
const OAUTH_VARIABLES = [
  'SLACK_CLIENT_ID',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'APP_BASE_URL',
] as const

const envSchema = z.object({
  SLACK_BOT_TOKEN: optional(
    z.string().regex(/^xoxb-\S+$/, { error: 'must be a bot token starting with xoxb-' }),
  ),
  SLACK_CLIENT_ID: optional(
    z
      .string()
      .regex(/^\d+\.\d+$/, { error: 'must be the Client ID from "Basic Information" (digits.digits)' }),
  ),
  SLACK_CLIENT_SECRET: optional(
    z.string().regex(/^\S+$/, { error: 'must be the Client Secret from "Basic Information" (no spaces)' }),
  ),
  SLACK_STATE_SECRET: optional(
    z.string().min(32, {
      error: 'must be at least 32 characters: create one with `openssl rand -base64 32`',
    }),
  ),
  APP_BASE_URL: optional(
    z
      .url({
        protocol: /^https?$/,
        error: 'must be the public base URL, e.g. https://billing-bot.example.com',
      })
      .refine((v) => !new URL(v).search && !new URL(v).hash, {
        error: 'must be the public base URL without a query, e.g. https://billing-bot.example.com',
      }),
  ),
  SLACK_SIGNING_SECRET: optional(
    z.string().regex(/^\S+$/, { error: 'must be the signing secret from "Basic Information" (no spaces)' }),
  ),
  SLACK_APP_TOKEN: optional(
    z.string().regex(/^xapp-\S+$/, {
      error: 'must be an app-level token starting with xapp- (or unset for HTTP mode)',
    }),
  ),
  PORT: optional(
    z.coerce
      .number({ error: PORT_MESSAGE })
      .int({ error: PORT_MESSAGE })
      .min(0, { error: PORT_MESSAGE })
      .max(65535, { error: PORT_MESSAGE }),
  ),
  SLACK_API_URL: optional(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:4000/api/' }),
  ),
  DATA_FILE: optional(z.string()),
  DATABASE_URL: optional(
    z.url({
      protocol: /^postgres(ql)?$/,
      error: 'must be a PostgreSQL URL such as postgres://bot:password@db.example:5432/billing',
    }),
  ),
  DATABASE_POOL_MAX: optional(
    z.coerce
      .number({ error: 'must be a whole number of connections, 1 to 100 (default 10)' })
      .int({ error: 'must be a whole number of connections, 1 to 100 (default 10)' })
      .min(1, { error: 'must be a whole number of connections, 1 to 100 (default 10)' })
      .max(100, { error: 'must be a whole number of connections, 1 to 100 (default 10)' }),
  ),
  REPLICA_LEASE_SECONDS: optional(
    z.coerce
      .number({ error: 'must be a whole number of seconds, 1 to 3600 (default 120)' })
      .int({ error: 'must be a whole number of seconds, 1 to 3600 (default 120)' })
      .min(1, { error: 'must be a whole number of seconds, 1 to 3600 (default 120)' })
      .max(3600, { error: 'must be a whole number of seconds, 1 to 3600 (default 120)' }),
  ),
  BOT_NOW: optional(
    z.iso.datetime({
      offset: true,
      error: 'must be an ISO 8601 time with offset, e.g. 2027-05-07T09:00:00+09:00',
    }),
  ),
  SORACOM_API_URL: optional(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://api.soracom.io/v1' }),
  ),
  SORACOM_GLOBAL_API_URL: optional(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://g.api.soracom.io/v1' }),
  ),
  CREDENTIALS_KEY: optional(credentialsKey),
  CREDENTIALS_KEY_PREVIOUS: optional(credentialsKey),
  LOG_LEVEL: optional(
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')} (default info)` }),
  ),
  SORACOM_POLL_MINUTES: optional(
    z.coerce
      .number({ error: 'must be a whole number of minutes (0 turns the checks off)' })
      .int({ error: 'must be a whole number of minutes (0 turns the checks off)' })
      .min(0, { error: 'must be a whole number of minutes (0 turns the checks off)' }),
  ),
})

/** Comma- or space-separated Slack IDs with a given prefix. */
const idList = (prefix: RegExp, what: string) =>
  optional(
    z
      .string()
      .transform((raw) => raw.split(/[\s,]+/).filter(Boolean))
      .pipe(z.array(z.string().regex(prefix, { error: `must list ${what}, separated by commas` })).min(1)),
  )

const accessSchema = z.object({
  ALLOWED_CHANNEL_IDS: idList(/^[CGD][A-Z0-9]{2,}$/, 'channel IDs such as C0123ABCD'),
  ALLOWED_USER_IDS: idList(/^[UW][A-Z0-9]{2,}$/, 'user IDs such as U0123ABCD'),
  ALLOWED_USERGROUP_ID: optional(
    z.string().regex(/^S[A-Z0-9]{2,}$/, { error: 'must be a user group ID such as S0123ABCD' }),
  ),
  ADMIN_USER_IDS: idList(/^[UW][A-Z0-9]{2,}$/, 'user IDs such as U0123ABCD'),
})

/** Who may use the bot; unset lists mean "everyone in the workspace except guests". */
export type AccessConfig = AccessSettings

/** Slack OAuth v2 distribution: any workspace installs the app (`/slack/install`). */
export interface OAuthConfig {
  clientId: string
  clientSecret: string
  stateSecret: string
  /** The public base URL, without a trailing slash (redirect URI = baseUrl + /slack/oauth_redirect). */
  baseUrl: string
}

export interface Config {
  /** Single-workspace mode (the default): the workspace's bot token. */
  botToken?: string
  /** Many workspaces through OAuth instead of one bot token (HTTP mode only). */
  oauth?: OAuthConfig
  /** Socket Mode when an app token is set, else Bolt's HTTP receiver. Both serve /healthz on `port`. */
  mode:
    | { kind: 'http'; signingSecret: string; port: number }
    | { kind: 'socket'; appToken: string; port: number }
  /** Present only when the Web API is not Slack's own (a local fake in tests and demos). */
  slackApiUrl?: string
  dataFile: string
  /** PostgreSQL instead of the data file (DATABASE_URL), with this replica's pool size. */
  database?: {
    url: string
    poolMax: number
    /** How long a replica's claim (a sweep, a check, a post) outlives it when it is killed. */
    leaseSeconds: number
  }
  logLevel: LogLevelName
  /** Fixed clock for demos and black-box tests. */
  botNow?: Date
  access: AccessConfig
  /** The SORACOM API (used once an operator is linked, `/billing link`). */
  soracom: {
    jpUrl: string
    globalUrl: string
    /** How often linked operators' bills are checked; 0 turns the checks off. */
    pollMinutes: number
    /** Seals stored auth keys (AES-256-GCM); needed only once an operator is linked. */
    credentialsKey?: Buffer
    /** The key being rotated out: stored keys it opens are sealed again with `credentialsKey` at start-up. */
    previousCredentialsKey?: Buffer
  }
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] }

/** Which token setup the environment chose (one bot token, or OAuth), and what it lacks. */
function tokenProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = []
  const oauthSet = OAUTH_VARIABLES.filter((name) => !isBlank(env[name]))
  if (oauthSet.length > 0) {
    for (const name of OAUTH_VARIABLES.filter((n) => isBlank(env[n])))
      problems.push(
        `${name} is required with ${oauthSet.join(', ')}: the four OAuth variables go together (see README, "Many workspaces")`,
      )
    if (!isBlank(env.SLACK_BOT_TOKEN))
      problems.push(
        'SLACK_BOT_TOKEN is set with the OAuth variables: unset SLACK_BOT_TOKEN to serve every installed workspace, or unset the OAuth variables to serve one',
      )
    if (!isBlank(env.SLACK_APP_TOKEN))
      problems.push(
        'SLACK_APP_TOKEN is set with the OAuth variables: OAuth distribution needs HTTP mode; unset SLACK_APP_TOKEN',
      )
    if (isBlank(env.CREDENTIALS_KEY))
      problems.push(
        'CREDENTIALS_KEY is required with the OAuth variables: installations are sealed with it; create one with `openssl rand -base64 32`',
      )
  } else if (isBlank(env.SLACK_BOT_TOKEN)) problems.push(BOT_TOKEN_REQUIRED)
  return problems
}

/** Reads the environment once at start-up; every problem is reported, one line each. */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const result = envSchema.safeParse(env)
  const access = accessSchema.safeParse(env)
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => `${String(issue.path[0] ?? 'environment')} ${issue.message}`)
  // Checked apart from the schema so they are reported alongside every other problem, first.
  problems.unshift(...tokenProblems(env))
  if (isBlank(env.SLACK_APP_TOKEN) && isBlank(env.SLACK_SIGNING_SECRET)) {
    problems.push(
      'SLACK_SIGNING_SECRET is required in HTTP mode: put the signing secret from "Basic Information" here, or set SLACK_APP_TOKEN for Socket Mode',
    )
  }
  if (!isBlank(env.CREDENTIALS_KEY_PREVIOUS) && isBlank(env.CREDENTIALS_KEY)) {
    problems.push(
      'CREDENTIALS_KEY_PREVIOUS is set without CREDENTIALS_KEY: to rotate, put the new key in CREDENTIALS_KEY and the old one in CREDENTIALS_KEY_PREVIOUS',
    )
  }
  if (!access.success) {
    problems.push(
      ...access.error.issues.map((issue) => `${String(issue.path[0] ?? 'environment')} ${issue.message}`),
    )
  }
  if (!result.success || !access.success || problems.length > 0)
    return { ok: false, problems: [...new Set(problems)] }
  const a = access.data
  const e = result.data
  const mode: Config['mode'] = e.SLACK_APP_TOKEN
    ? { kind: 'socket', appToken: e.SLACK_APP_TOKEN, port: e.PORT ?? 3000 }
    : { kind: 'http', signingSecret: e.SLACK_SIGNING_SECRET ?? '', port: e.PORT ?? 3000 }
  return {
    ok: true,
    config: {
      ...(e.SLACK_BOT_TOKEN ? { botToken: e.SLACK_BOT_TOKEN } : {}),
      ...(e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET && e.APP_BASE_URL
        ? {
            oauth: {
              clientId: e.SLACK_CLIENT_ID,
              clientSecret: e.SLACK_CLIENT_SECRET,
              stateSecret: e.SLACK_STATE_SECRET,
              baseUrl: e.APP_BASE_URL.replace(/\/+$/, ''),
            },
          }
        : {}),
      mode,
      ...(e.SLACK_API_URL
        ? { slackApiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/` }
        : {}),
      dataFile: e.DATA_FILE ?? 'data/db.json',
      ...(e.DATABASE_URL
        ? {
            database: {
              url: e.DATABASE_URL,
              poolMax: e.DATABASE_POOL_MAX ?? 10,
              leaseSeconds: e.REPLICA_LEASE_SECONDS ?? 120,
            },
          }
        : {}),
      logLevel: e.LOG_LEVEL ?? 'info',
      ...(e.BOT_NOW ? { botNow: new Date(e.BOT_NOW) } : {}),
      soracom: {
        jpUrl: (e.SORACOM_API_URL ?? 'https://api.soracom.io/v1').replace(/\/$/, ''),
        globalUrl: (e.SORACOM_GLOBAL_API_URL ?? 'https://g.api.soracom.io/v1').replace(/\/$/, ''),
        pollMinutes: e.SORACOM_POLL_MINUTES ?? 60,
        ...(e.CREDENTIALS_KEY ? { credentialsKey: Buffer.from(e.CREDENTIALS_KEY, 'base64') } : {}),
        ...(e.CREDENTIALS_KEY_PREVIOUS
          ? { previousCredentialsKey: Buffer.from(e.CREDENTIALS_KEY_PREVIOUS, 'base64') }
          : {}),
      },
      access: {
        ...(a.ALLOWED_CHANNEL_IDS ? { channels: a.ALLOWED_CHANNEL_IDS } : {}),
        ...(a.ALLOWED_USER_IDS ? { users: a.ALLOWED_USER_IDS } : {}),
        ...(a.ALLOWED_USERGROUP_ID ? { usergroup: a.ALLOWED_USERGROUP_ID } : {}),
        admins: a.ADMIN_USER_IDS ?? [],
      },
    },
  }
}
