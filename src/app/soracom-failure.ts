import type { LinkFailure } from '../domain/billing-alert.js'
import { errorCode } from '../errors.js'

/** Why a SORACOM call gave nothing usable, in the terms the user is told (the domain's link failures). */
export type SoracomFailure = LinkFailure

const FAILURES: Record<string, SoracomFailure> = {
  soracom_unreachable: 'unreachable',
  soracom_auth_failed: 'auth_failed',
  soracom_refused: 'refused',
  soracom_not_found: 'refused',
}

/**
 * The failure a SORACOM error stands for, or undefined when the error is not one the SORACOM port
 * raises (a bug, a store failure): the one place that tells them apart, by the port's error codes.
 */
export function asSoracomFailure(error: unknown): SoracomFailure | undefined {
  return FAILURES[errorCode(error)]
}

/** The failure a SORACOM error stands for; anything else (a bug) is rethrown. */
export function soracomFailure(error: unknown): SoracomFailure {
  const failure = asSoracomFailure(error)
  if (failure === undefined) throw error
  return failure
}
