import type { AccountType, PaymentMethod } from '../domain/account.js'
import type { CoverageSelection } from '../domain/coverage.js'
import type { OperatorId } from '../domain/operator-id.js'
import { checkPaymentMethod } from '../domain/operator-registry.js'
import { type AppDeps, accepted, invalid, mayManage, type SubmissionOutcome } from './deps.js'
import type { Origin } from './ports.js'

export interface OperatorRegistration {
  operatorId: OperatorId
  name?: string
  coverage: CoverageSelection
  accountType: AccountType
  paymentMethod: PaymentMethod
}

/** `/billing operators` → 登録: stored (on disk before the modal closes), then confirmed to the user. */
export async function registerOperator(
  deps: AppDeps,
  input: { registration: OperatorRegistration; origin: Origin },
): Promise<SubmissionOutcome> {
  const r = input.registration
  const mismatch = checkPaymentMethod(r.accountType, r.paymentMethod)
  if (mismatch) return invalid({ payment_method: mismatch })
  const existing = deps.operators.get(r.operatorId)
  if (existing && !mayManage(deps, input.origin.user, existing.registeredBy)) {
    return invalid({
      operator_id: `${r.operatorId} はほかのメンバーが登録済みです。変更できるのは登録した本人か管理者だけです。`,
    })
  }
  await deps.operators.save({
    operatorId: r.operatorId,
    ...(r.name ? { name: r.name } : {}),
    coverage: r.coverage,
    accountType: r.accountType,
    paymentMethod: r.paymentMethod,
    registeredBy: input.origin.user,
    registeredAt: deps.clock.now().toISOString(),
  })
  return accepted(() =>
    deps.notifier.tell(
      input.origin,
      `オペレーター \`${r.operatorId}\` を登録しました。\`/billing operators\` で一覧を確認できます。`,
    ),
  )
}
