import type { AuthKey, BillingApi, Soracom } from '../app/ports.js'
import { apiMonth, type Bill, type BillCurrency, monthFromApi, PAYMENT_STATUSES } from '../domain/bill.js'
import type { Coverage } from '../domain/coverage.js'
import type { PlainDate } from '../domain/plain-date.js'
import { linkKey, type OperatorLink } from '../domain/soracom-link.js'
import { type MonthlyBill, SoracomClient, type SoracomClientOptions } from './client.js'
import { CredentialsKeyError, openSecret, sealSecret } from './credentials.js'
import { SoracomError } from './errors.js'

export interface SoracomGatewayOptions {
  jpUrl: string
  globalUrl: string
  /** CREDENTIALS_KEY: without it nothing can be linked (and no stored link can be read). */
  credentialsKey?: Buffer | undefined
  /** CREDENTIALS_KEY_PREVIOUS: the key being rotated out, read only by `checkKeys`. */
  previousCredentialsKey?: Buffer | undefined
  /** Per-request timeout, total retry deadline and first backoff (tests shorten them). */
  timing?: Pick<SoracomClientOptions, 'timeoutMs' | 'deadlineMs' | 'backoffMs'>
}

const NO_KEY =
  'CREDENTIALS_KEY is not set: SORACOM auth keys cannot be stored or read (set 32 random bytes, base64)'

/**
 * The SORACOM side of the app's `Soracom` port: one typed client per linked operator and coverage,
 * its auth key opened from the data file only in memory, answers turned into the domain's `Bill`.
 */
export class SoracomGateway implements Soracom {
  private readonly clients = new Map<string, { sealed: string; client: SoracomClient }>()

  constructor(private readonly options: SoracomGatewayOptions) {}

  async verify(
    coverage: Coverage,
    key: AuthKey,
  ): Promise<{ operatorId?: string; missingPermissions: string[] }> {
    const client = this.client(coverage, key)
    const { operatorId } = await client.authenticate()
    // `/auth` succeeds whatever the SAM user may do: try one read of each kind the bot makes, so
    // a missing permission shows now, under the form, rather than as a failed check next month.
    const missingPermissions: string[] = []
    let running = ''
    const probes = [
      [
        'Billing:getLatestBilling',
        async () => {
          running = (await client.getLatestBilling()).lastEvaluatedTime?.slice(0, 6) ?? ''
        },
      ],
      ['Payment:getPaymentMethod', () => client.getPaymentMethod()],
      // Spend watch: the days of the running month and what drives its cost.
      ['Billing:getBillingPerDay', () => client.getBillingPerDay(running || '202001')],
      ['Billing:getBillingSummaryOfBillItems', () => client.getBillingSummaryOfBillItems()],
      ['Billing:getBillingSummaryOfSims', () => client.getBillingSummaryOfSims()],
    ] as const
    for (const [action, probe] of probes) {
      try {
        await probe()
      } catch (error) {
        if (!(error instanceof SoracomError)) throw error
        if (error.status === 403) missingPermissions.push(action)
        // 404: nothing of that kind yet (no payment method registered) — allowed, just empty.
        else if (error.code !== 'soracom_not_found') throw error
      }
    }
    return { ...(operatorId ? { operatorId } : {}), missingPermissions }
  }

  seal(link: { operatorId: string; coverage: Coverage }, key: AuthKey): string {
    return sealSecret(JSON.stringify(key), this.key(), linkKey(link))
  }

  /**
   * Opens every stored key once: a missing or wrong CREDENTIALS_KEY stops start-up here. During a
   * rotation, a key that only CREDENTIALS_KEY_PREVIOUS opens is sealed again with CREDENTIALS_KEY;
   * those links come back for the caller to store.
   */
  checkKeys(links: readonly OperatorLink[]): OperatorLink[] {
    const resealed: OperatorLink[] = []
    for (const link of links) {
      try {
        this.open(link)
      } catch (error) {
        const previous = this.options.previousCredentialsKey
        if (!(error instanceof CredentialsKeyError) || !previous) throw error
        let key: AuthKey
        try {
          key = this.openWith(link, previous)
        } catch (previousError) {
          throw new CredentialsKeyError(
            `The stored SORACOM credential of ${linkKey(link)} opens with neither CREDENTIALS_KEY nor CREDENTIALS_KEY_PREVIOUS: set the key it was stored with`,
            { cause: previousError },
          )
        }
        resealed.push({ ...link, credentials: this.seal(link, key) })
      }
    }
    return resealed
  }

  api(link: OperatorLink): BillingApi {
    const id = linkKey(link)
    let entry = this.clients.get(id)
    if (!entry || entry.sealed !== link.credentials) {
      entry = { sealed: link.credentials, client: this.client(link.coverage, this.open(link)) }
      this.clients.set(id, entry)
    }
    return billingApi(entry.client)
  }

  forget(link: { operatorId: string; coverage: Coverage }): void {
    this.clients.delete(linkKey(link))
  }

  private key(): Buffer {
    if (!this.options.credentialsKey) throw new CredentialsKeyError(NO_KEY)
    return this.options.credentialsKey
  }

  private open(link: OperatorLink): AuthKey {
    return this.openWith(link, this.key())
  }

  private openWith(link: OperatorLink, key: Buffer): AuthKey {
    const parsed = JSON.parse(openSecret(link.credentials, key, linkKey(link))) as AuthKey
    return { authKeyId: parsed.authKeyId, authKey: parsed.authKey }
  }

  private client(coverage: Coverage, key: AuthKey): SoracomClient {
    return new SoracomClient({
      baseUrl: coverage === 'jp' ? this.options.jpUrl : this.options.globalUrl,
      ...key,
      ...this.options.timing,
    })
  }
}

function billingApi(client: SoracomClient): BillingApi {
  return {
    bill: (month) => notFoundAsUndefined(client.getBilling(apiMonth(month)).then(toBill)),
    history: async () => (await client.getBillingHistory()).map(toBill).filter((b) => b !== undefined),
    latest: async () => {
      const latest = await client.getLatestBilling()
      const month = monthFromApi(latest.lastEvaluatedTime?.slice(0, 6) ?? '')
      if (!month || latest.amount === undefined) return undefined
      return { month, amount: latest.amount, currency: currency(latest.currency), state: 'temporary' }
    },
    paymentMethod: () =>
      notFoundAsUndefined(
        client.getPaymentMethod().then((m) => ({
          ...(m.providerType ? { providerType: m.providerType } : {}),
          ...(m.errorCode ? { errorCode: m.errorCode } : {}),
        })),
      ),
    daily: async (month) =>
      ((await notFoundAsUndefined(client.getBillingPerDay(apiMonth(month)))) ?? []).flatMap((d) => {
        const date = /^(\d{4})(\d{2})(\d{2})$/.exec(d.date ?? '')
        return date && d.amount !== undefined
          ? [{ date: `${date[1]}-${date[2]}-${date[3]}` as PlainDate, amount: d.amount }]
          : []
      }),
    costDrivers: async (month) => {
      const wanted = apiMonth(month)
      const [items, sims] = await Promise.all([
        client.getBillingSummaryOfBillItems(),
        client.getBillingSummaryOfSims(),
      ])
      return {
        services: (items.find((s) => s.yearMonth === wanted)?.costBreakdownList ?? []).flatMap((c) =>
          c.billItemName && c.amount !== undefined
            ? [
                {
                  name: c.billItemName,
                  amount: c.amount,
                  ...(c.billItemCategory ? { category: c.billItemCategory } : {}),
                },
              ]
            : [],
        ),
        sims: (sims.find((s) => s.yearMonth === wanted)?.costBreakdownList ?? []).flatMap((c) =>
          c.simId && c.amount !== undefined ? [{ simId: c.simId, amount: c.amount }] : [],
        ),
      }
    },
    exportCsv: (month) => client.exportBilling(apiMonth(month)),
    exportLatestCsv: () => client.exportLatestBilling(),
    exportStatement: async (month) => {
      const wanted = apiMonth(month)
      const statement = (await client.listPaymentStatements())
        .filter((s) => s.chargedYearMonths?.includes(wanted) && s.paymentStatementId)
        .sort((a, b) => (b.paymentDateTime ?? 0) - (a.paymentDateTime ?? 0))[0]
      return statement?.paymentStatementId
        ? client.exportPaymentStatement(statement.paymentStatementId)
        : undefined
    },
  }
}

function toBill(bill: MonthlyBill): Bill | undefined {
  const month = monthFromApi(bill.yearMonth ?? '')
  if (!month || bill.amount === undefined) return undefined
  const status = PAYMENT_STATUSES.find((s) => s === bill.paymentStatus)
  return {
    month,
    amount: bill.amount,
    currency: currency(bill.currency),
    ...(bill.appliedCouponAmount ? { couponAmount: bill.appliedCouponAmount } : {}),
    state: bill.state === 'closed' ? 'closed' : 'temporary',
    ...(status ? { paymentStatus: status } : {}),
  }
}

const currency = (value: string | undefined): BillCurrency =>
  value === 'USD' || value === 'EUR' ? value : 'JPY'

async function notFoundAsUndefined<T>(answer: Promise<T>): Promise<T | undefined> {
  try {
    return await answer
  } catch (error) {
    if (error instanceof SoracomError && error.code === 'soracom_not_found') return undefined
    throw error
  }
}
