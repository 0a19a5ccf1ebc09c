import { CodedError } from '../errors.js'

/**
 * A SORACOM API call that did not give an answer the bot can use. `code` says which:
 * `soracom_unreachable` (timeout, network, 5xx or 429 past the deadline), `soracom_auth_failed`
 * (the auth key was refused), `soracom_not_found` (404: e.g. a month not finalized),
 * `soracom_refused` (another 4xx).
 */
export class SoracomError extends CodedError {
  override name = 'SoracomError' as const
  constructor(
    readonly code: 'soracom_unreachable' | 'soracom_auth_failed' | 'soracom_not_found' | 'soracom_refused',
    readonly operation: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(`SORACOM API ${operation} failed: ${code}${status ? ` (HTTP ${status})` : ''}`, options)
  }
}
