import type { Coverage } from '../domain/coverage.js'
import type { OperatorLink } from '../domain/soracom-link.js'
import type { AppDeps } from './deps.js'
import type { AuthKey } from './ports.js'
import { withdrawReminders } from './reminders.js'
import { type SoracomFailure, soracomFailure } from './soracom-failure.js'

export const AUTH_KEY_REFUSED =
  'SORACOM がこの認証キーを受け付けませんでした。認証キー ID とシークレットを確かめて、もう一度入力してください。'

export type LinkOutcome =
  | { kind: 'linked'; link: OperatorLink; replaced: boolean }
  /** Inline errors by block_id (`auth_key`, `operator_id`). */
  | { kind: 'invalid'; errors: Record<string, string> }
  | { kind: 'failed'; reason: Exclude<SoracomFailure, 'auth_failed'> }
  | { kind: 'refused'; text: string }

export const ADMINS_ONLY =
  'SORACOM オペレーターの連携と解除は管理者だけができます（ADMIN_USER_IDS、未設定ならワークスペースの管理者・オーナー）。'

/**
 * `/billing link`: the key is checked against SORACOM (`POST /auth`) before anything is stored,
 * and must belong to the operator named; then it is stored sealed, replacing an earlier link of
 * the operator and coverage. Runs after Slack's ack (it calls SORACOM).
 */
export async function linkOperator(
  deps: AppDeps,
  input: {
    user: string
    admin: boolean
    operatorId: string
    coverage: Coverage
    key: AuthKey
    alertChannel: string
  },
): Promise<LinkOutcome> {
  if (!input.admin) return { kind: 'refused', text: ADMINS_ONLY }
  let verified: Awaited<ReturnType<AppDeps['soracom']['verify']>>
  try {
    verified = await deps.soracom.verify(input.coverage, input.key)
  } catch (error) {
    const reason = soracomFailure(error)
    if (reason === 'auth_failed') return { kind: 'invalid', errors: { auth_key: AUTH_KEY_REFUSED } }
    deps.logger.warn('soracom link check failed', { operatorId: input.operatorId, reason })
    return { kind: 'failed', reason }
  }
  const { operatorId, missingPermissions } = verified
  if (operatorId !== undefined && operatorId !== input.operatorId) {
    return {
      kind: 'invalid',
      errors: {
        operator_id: `この認証キーはオペレーター ${operatorId} のものです。${input.operatorId} の SAM ユーザーの認証キーを使うか、オペレーター ID を直してください。`,
      },
    }
  }
  if (missingPermissions.length > 0) {
    return {
      kind: 'invalid',
      errors: {
        auth_key: `この認証キーの SAM ユーザーには ${missingPermissions.join('、')} の権限がありません。README「SORACOM 連携」の権限を SAM ユーザーに設定してから、もう一度連携してください。`,
      },
    }
  }
  const target = { operatorId: input.operatorId, coverage: input.coverage }
  const replaced = deps.links.get(input.operatorId, input.coverage) !== undefined
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
  deps: AppDeps,
  input: { user: string; admin: boolean; operatorId: string; coverage?: Coverage },
): Promise<{ kind: 'refused'; text: string } | { kind: 'unlinked'; removed: Coverage[] }> {
  if (!input.admin) return { kind: 'refused', text: ADMINS_ONLY }
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
