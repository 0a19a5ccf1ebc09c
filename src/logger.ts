import { type Logger, LogLevel } from '@slack/bolt'

/**
 * Structured logs: one JSON object per line. Anything that looks like a Slack token, a signing
 * secret we were given, an e-mail address or a postal code-and-address is masked before it is
 * written, wherever it hides (a message, an error, a nested field).
 */
export interface AppLogger {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

const PATTERNS: Array<[RegExp, string]> = [
  [/xox[abposr]-[A-Za-z0-9-]+/g, 'xox?-[redacted]'],
  [/xapp-[A-Za-z0-9-]+/g, 'xapp-[redacted]'],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[email]'],
  // 〒123-4567 and what follows it on the line is an address.
  [/〒?\s?\d{3}-?\d{4}[^\n"]*/g, '[postal address]'],
]

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text
  for (const secret of secrets) if (secret.length >= 6) out = out.split(secret).join('[secret]')
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement)
  return out
}

function serialise(value: unknown): unknown {
  if (value instanceof Error)
    return { name: value.name, message: value.message, code: (value as { code?: unknown }).code }
  return value
}

export function createLogger(
  options: { secrets?: readonly string[]; write?: (line: string) => void; name?: string } = {},
): AppLogger & Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`))
  let level: LogLevel = LogLevel.INFO
  let name = options.name ?? 'billing-bot'
  const order = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR]
  const emit = (at: LogLevel, message: string, fields: Record<string, unknown> = {}) => {
    if (order.indexOf(at) < order.indexOf(level)) return
    const entry = { time: new Date().toISOString(), level: at, logger: name, message, ...fields }
    write(
      redact(
        JSON.stringify(entry, (_key, value) => serialise(value)),
        options.secrets,
      ),
    )
  }
  /** Ours call `(message, fields)`; Bolt's call with any number of arguments. */
  const at =
    (lvl: LogLevel) =>
    (...args: unknown[]) => {
      const [first, second, ...more] = args
      const message = typeof first === 'string' ? first : JSON.stringify(serialise(first))
      const isFields =
        typeof second === 'object' && second !== null && !(second instanceof Error) && !Array.isArray(second)
      if (more.length === 0 && (second === undefined || isFields))
        emit(lvl, message, second as Record<string, unknown>)
      else emit(lvl, message, { details: [second, ...more].map(serialise) })
    }
  return {
    debug: at(LogLevel.DEBUG),
    info: at(LogLevel.INFO),
    warn: at(LogLevel.WARN),
    error: at(LogLevel.ERROR),
    setLevel: (l: LogLevel) => {
      level = l
    },
    getLevel: () => level,
    setName: (n: string) => {
      name = n
    },
  } as AppLogger & Logger
}
