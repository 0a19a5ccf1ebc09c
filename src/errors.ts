/**
 * One base for the errors this bot raises on purpose, each with a stable `code`, so one handler
 * (start-up in main.ts, Bolt's `app.error`) can tell them apart (bolt-js `CodedError`).
 */
export abstract class CodedError extends Error {
  abstract readonly code: string
}

/**
 * The machine-readable reason of a failed call, wherever it comes from: a Slack Web API error
 * (`data.error`, e.g. `channel_not_found`), a coded error of ours or of Node (`ENOSPC`), else
 * `unknown_error`. The one place that knows these shapes.
 */
export function errorCode(error: unknown): string {
  const slack = (error as { data?: { error?: unknown } } | undefined)?.data?.error
  if (typeof slack === 'string') return slack
  const code = (error as { code?: unknown } | undefined)?.code
  return typeof code === 'string' ? code : 'unknown_error'
}

/** The Web API's own error code only (undefined for transport failures), for decisions on Slack's answer. */
export function slackErrorCode(error: unknown): string | undefined {
  const slack = (error as { data?: { error?: unknown } } | undefined)?.data?.error
  return typeof slack === 'string' ? slack : undefined
}

/**
 * What a Slack call that failed for a moment answers: rate limited, HTTP 5xx, a timeout or a cut
 * connection. Anything else (a channel gone, a payload refused, a revoked token) will not get
 * better by waiting, and is handled where it happens.
 */
const TRANSIENT = new Set([
  'slack_webapi_rate_limited_error',
  'slack_webapi_http_error',
  'slack_webapi_request_error',
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
])

export function isTransient(error: unknown): boolean {
  return TRANSIENT.has(errorCode(error))
}

/** Slack's Retry-After on a rate-limited call (the Web API client gives seconds), in ms. */
export function retryAfterMs(error: unknown): number | undefined {
  const seconds = (error as { retryAfter?: unknown } | undefined)?.retryAfter
  return typeof seconds === 'number' && Number.isFinite(seconds) ? seconds * 1000 : undefined
}
