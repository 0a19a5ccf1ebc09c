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
