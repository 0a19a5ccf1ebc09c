import { type Bill, paymentMethodFromFacts, type ReissueFacts, reissueFacts } from '../domain/bill.js'
import type { YearMonth } from '../domain/plain-date.js'
import type { OperatorLink } from '../domain/soracom-link.js'
import type { AppDeps } from './deps.js'

/**
 * What SORACOM knows that the reissue flow would otherwise ask: the month's bill (0 yen? covered
 * by a coupon?) and how the operator pays. Throws SORACOM errors: the caller falls back to asking.
 */
export async function lookupReissueFacts(
  deps: Pick<AppDeps, 'soracom'>,
  link: OperatorLink,
  month: YearMonth,
): Promise<ReissueFacts> {
  const api = deps.soracom.api(link)
  const [bill, method] = await Promise.all([api.bill(month), api.paymentMethod()])
  return reissueFacts({ operatorId: link.operatorId, coverage: link.coverage, month, bill, method })
}

/** How a linked operator pays, from its newest finalized bill and the method on file (undefined: not known). */
export async function lookupPaymentMethod(
  deps: Pick<AppDeps, 'soracom'>,
  link: OperatorLink,
): Promise<{ paymentMethod?: 'invoice' | 'card'; newest?: Bill }> {
  const api = deps.soracom.api(link)
  const [history, method] = await Promise.all([api.history(), api.paymentMethod()])
  const newest = [...history].sort((a, b) => b.month.localeCompare(a.month))[0]
  const paymentMethod = paymentMethodFromFacts(newest, method)
  return { ...(paymentMethod ? { paymentMethod } : {}), ...(newest ? { newest } : {}) }
}
