import { type Logger as BoltLogger, LogLevel } from '@slack/bolt'
import { pino } from 'pino'
import type { Logger } from './app/ports.js'

/**
 * Structured logs with pino: one JSON object per line. Personal data and secrets are redacted by
 * field name, wherever the field sits (top level or two levels down) — pino's path redaction
 * replaces the value and leaves the JSON intact. Free text is masked only for what has an
 * unmistakable shape: the secrets we were given, Slack tokens (`xox…-`, `xapp-`) and e-mail
 * addresses; nothing that could match an operator ID or a number.
 */
export type AppLogger = Logger & BoltLogger

/** Field names whose values never reach a log. */
export const REDACTED_FIELDS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'secret',
  'authKey',
  'authKeyId',
  'apiKey',
  'password',
  'authorization',
  'Authorization',
  'x-soracom-api-key',
  'x-soracom-token',
  'email',
  'mail',
  'address',
  'postalCode',
  'companyName',
  'company_name',
] as const

const redactPaths = REDACTED_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`])

const FREE_TEXT: Array<[RegExp, string]> = [
  [/xox[abposr]-[A-Za-z0-9-]+/g, 'xox?-[redacted]'],
  [/xapp-[A-Za-z0-9-]+/g, 'xapp-[redacted]'],
  // SORACOM SAM auth keys (a link modal's submission in a debug log): `keyId-…` / `secret-…`.
  [/secret-[A-Za-z0-9+/=_-]{4,}/g, 'secret-[redacted]'],
  [/keyId-[A-Za-z0-9+/=_-]{4,}/g, 'keyId-[redacted]'],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, '[email]'],
]

/** Masks configured secrets and token- or e-mail-shaped text; changes nothing else. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text
  for (const secret of secrets) if (secret.length >= 6) out = out.split(secret).join('[redacted]')
  for (const [pattern, replacement] of FREE_TEXT) out = out.replace(pattern, replacement)
  return out
}

function serialise(value: unknown): unknown {
  if (value instanceof Error)
    return { name: value.name, message: value.message, code: (value as { code?: unknown }).code }
  return value
}

const PINO_LEVEL: Record<LogLevel, pino.Level> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
}

export function createLogger(
  options: {
    secrets?: readonly string[]
    write?: (line: string) => void
    name?: string
    /** LOG_LEVEL; Bolt sets the same again when the app is built. */
    level?: LogLevel
  } = {},
): AppLogger {
  const secrets = options.secrets ?? []
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`))
  let level: LogLevel = options.level ?? LogLevel.INFO
  const base = pino(
    {
      level: PINO_LEVEL[level],
      messageKey: 'message',
      base: { logger: options.name ?? 'billing-bot' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactPaths, censor: '[redacted]' },
      serializers: { error: serialise, err: serialise },
    },
    { write: (line: string) => write(redact(line.trimEnd(), secrets)) },
  )
  let log = base
  /** Ours call `(message, fields)`; Bolt's call with any number of arguments. */
  const at =
    (lvl: pino.Level) =>
    (...args: unknown[]) => {
      // Bolt calls debug() on every request, with whole payloads: decide before serialising.
      if (!log.isLevelEnabled(lvl)) return
      const [first, second, ...more] = args
      const message = typeof first === 'string' ? first : JSON.stringify(serialise(first))
      const isFields =
        typeof second === 'object' && second !== null && !(second instanceof Error) && !Array.isArray(second)
      if (more.length === 0 && (second === undefined || isFields))
        log[lvl]((second ?? {}) as Record<string, unknown>, message)
      else log[lvl]({ details: [second, ...more].map(serialise) }, message)
    }
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: (l: LogLevel) => {
      level = l
      log.level = PINO_LEVEL[l]
    },
    getLevel: () => level,
    setName: (name: string) => {
      log = base.child({ logger: name })
      log.level = PINO_LEVEL[level]
    },
  }
}
