import type { LinkFailure } from '../domain/billing-alert.js'
import { errorCode } from '../errors.js'

/** Why a SORACOM call gave nothing usable, in the terms the user is told (the domain's link failures). */
export type SoracomFailure = LinkFailure

/** The failure a SORACOM error stands for; anything else (a bug) is rethrown. */
export function soracomFailure(error: unknown): SoracomFailure {
  switch (errorCode(error)) {
    case 'soracom_unreachable':
      return 'unreachable'
    case 'soracom_auth_failed':
      return 'auth_failed'
    case 'soracom_refused':
    case 'soracom_not_found':
      return 'refused'
    default:
      throw error
  }
}
