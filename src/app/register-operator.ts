import type { AccountType, PaymentMethod } from '../domain/account.js'
import type { CoverageSelection } from '../domain/coverage.js'
import type { OperatorId } from '../domain/operator-id.js'
import { checkPaymentMethod } from '../domain/operator-registry.js'
import { type AppDeps, accepted, invalid, type SubmissionOutcome } from './deps.js'
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
