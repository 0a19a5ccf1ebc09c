import { z } from 'zod'
import { ACCOUNT_TYPES, type AccountType, PAYMENT_METHODS, type PaymentMethod } from './account.js'
import { COVERAGE_SELECTIONS } from './coverage.js'

/**
 * The company's own operators (`/billing operators`). SORACOM refuses a support request about
 * another operator than the one it is sent from (§3.5.1), so flows pre-fill from this list and
 * warn when a request names an operator that is not on it.
 */
export const registeredOperatorSchema = z.object({
  operatorId: z.string().regex(/^OP\d{10}$/),
  name: z.string().max(60).optional(),
  coverage: z.enum(COVERAGE_SELECTIONS),
  accountType: z.enum(ACCOUNT_TYPES),
  paymentMethod: z.enum(PAYMENT_METHODS),
  registeredBy: z.string(),
  registeredAt: z.iso.datetime({ offset: true }),
})

export type RegisteredOperator = z.infer<typeof registeredOperatorSchema>

/** Individual accounts pay by credit card only (§3.1); the other methods need a corporate account. */
export function paymentMethodAllowed(accountType: AccountType, paymentMethod: PaymentMethod): boolean {
  return accountType !== 'individual' || paymentMethod === 'card'
}

/** The operator IDs a request names that the company has not registered. */
export function unregisteredOperators(
  named: readonly string[],
  registry: readonly RegisteredOperator[],
): string[] {
  const known = new Set(registry.map((o) => o.operatorId))
  return [...new Set(named)].filter((id) => !known.has(id))
}

/** The operator a flow can pre-fill: the one named after the command, else the only one registered. */
export function operatorToPrefill(
  named: string | undefined,
  registry: readonly RegisteredOperator[],
): RegisteredOperator | undefined {
  if (named) return registry.find((o) => o.operatorId === named)
  return registry.length === 1 ? registry[0] : undefined
}
