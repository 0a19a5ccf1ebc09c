import type { AccountType, PaymentMethod } from '../domain/account.js'
import type { CoverageSelection } from '../domain/coverage.js'
import type { OperatorId } from '../domain/operator-id.js'
import { paymentMethodAllowed } from '../domain/operator-registry.js'
import { type AppDeps, mayManage } from './deps.js'
import { invalid, type SubmissionOutcome } from './outcomes.js'
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
  deps: Pick<AppDeps, 'clock' | 'isAdmin' | 'operators'>,
  input: { registration: OperatorRegistration; origin: Origin },
): Promise<SubmissionOutcome> {
  const r = input.registration
  if (!paymentMethodAllowed(r.accountType, r.paymentMethod))
    return invalid({ payment_method: { code: 'individual_pays_by_card', context: 'registration' } })
  const existing = await deps.operators.get(r.operatorId)
  if (existing && !mayManage(deps, input.origin.user, existing.registeredBy)) {
    return invalid({ operator_id: { code: 'operator_registered_by_other', operatorId: r.operatorId } })
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
  return { kind: 'operator_registered', origin: input.origin, operatorId: r.operatorId }
}
