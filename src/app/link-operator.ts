import type { Coverage } from '../domain/coverage.js'
import type { FieldProblems, Refusal } from '../domain/outcomes.js'
import type { OperatorLink } from '../domain/soracom-link.js'
import type { AppDeps } from './deps.js'
import { refused } from './outcomes.js'
import type { AuthKey } from './ports.js'
import { withdrawReminders } from './reminders.js'
import { type SoracomFailure, soracomFailure } from './soracom-failure.js'

export type LinkOutcome =
  | { kind: 'linked'; link: OperatorLink; replaced: boolean }
  /** Inline errors by block_id (`auth_key`, `operator_id`). */
  | { kind: 'invalid'; problems: FieldProblems }
  | { kind: 'failed'; reason: Exclude<SoracomFailure, 'auth_failed'> }
  | { kind: 'refused'; refusal: Refusal }

/**
 * `/billing link`: the key is checked against SORACOM (`POST /auth`) before anything is stored,
 * and must belong to the operator named; then it is stored sealed, replacing an earlier link of
 * the operator and coverage. Runs after Slack's ack (it calls SORACOM).
 */
export async function linkOperator(
  deps: Pick<AppDeps, 'clock' | 'links' | 'logger' | 'reminders' | 'scheduler' | 'soracom'>,
  input: {
    user: string
    admin: boolean
    operatorId: string
    coverage: Coverage
    key: AuthKey
    alertChannel: string
  },
): Promise<LinkOutcome> {
  if (!input.admin) return refused({ on: 'operator_link', reason: 'admins_only' })
  let verified: Awaited<ReturnType<AppDeps['soracom']['verify']>>
  try {
    verified = await deps.soracom.verify(input.coverage, input.key)
  } catch (error) {
    const reason = soracomFailure(error)
    if (reason === 'auth_failed')
      return { kind: 'invalid', problems: { auth_key: { code: 'auth_key_refused' } } }
    deps.logger.warn('soracom link check failed', { operatorId: input.operatorId, reason })
    return { kind: 'failed', reason }
  }
  const { operatorId, missingPermissions } = verified
  if (operatorId !== undefined && operatorId !== input.operatorId) {
    return {
      kind: 'invalid',
      problems: {
        operator_id: {
          code: 'auth_key_of_other_operator',
          keyOperator: operatorId,
          operatorId: input.operatorId,
        },
      },
    }
  }
  if (missingPermissions.length > 0) {
    return {
      kind: 'invalid',
      problems: { auth_key: { code: 'auth_key_missing_permissions', permissions: missingPermissions } },
    }
  }
  const target = { operatorId: input.operatorId, coverage: input.coverage }
  const replaced = (await deps.links.get(input.operatorId, input.coverage)) !== undefined
  const link: OperatorLink = {
    ...target,
    credentials: deps.soracom.seal(target, input.key),
    alertChannel: input.alertChannel,
    linkedBy: input.user,
    linkedAt: deps.clock.now().toISOString(),
  }
  await deps.links.save(link)
  deps.soracom.forget(target)
  // The checks announce the final amount in this channel now: the date-based reminder would repeat it.
  await withdrawReminders(
    deps,
    (r) => r.kind === 'calendar_amount_final' && r.channel === link.alertChannel,
  ).catch((error: unknown) => deps.logger.warn('amount-final reminders not withdrawn', { error }))
  deps.logger.info('soracom operator linked', {
    operatorId: link.operatorId,
    coverage: link.coverage,
    replaced,
  })
  return { kind: 'linked', link, replaced }
}

/** `/billing unlink OP… [jp|g]` (admins only): without a coverage, every link of the operator. */
export async function unlinkOperator(
  deps: Pick<AppDeps, 'links' | 'logger' | 'soracom'>,
  input: { user: string; admin: boolean; operatorId: string; coverage?: Coverage },
): Promise<{ kind: 'refused'; refusal: Refusal } | { kind: 'unlinked'; removed: Coverage[] }> {
  if (!input.admin) return refused({ on: 'operator_link', reason: 'admins_only' })
  const removed: Coverage[] = []
  for (const coverage of input.coverage ? [input.coverage] : (['jp', 'g'] as const)) {
    if (await deps.links.remove(input.operatorId, coverage)) {
      deps.soracom.forget({ operatorId: input.operatorId, coverage })
      removed.push(coverage)
    }
  }
  if (removed.length > 0)
    deps.logger.info('soracom operator unlinked', { operatorId: input.operatorId, removed })
  return { kind: 'unlinked', removed }
}
