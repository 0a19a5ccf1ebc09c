import createClient from 'openapi-fetch'
import { SoracomError } from './errors.js'
import type { components, paths } from './schema.js'

export type MonthlyBill = components['schemas']['MonthlyBill']
export type LatestBill = components['schemas']['GetLatestBill']
export type PaymentMethod = components['schemas']['GetPaymentMethodResult']
export type PaymentStatement = components['schemas']['PaymentStatementResponse']
export type DailyBill = components['schemas']['DailyBill']
export type BillItemsSummary = components['schemas']['BillingSummaryResponseOfBillItems']
export type SimsSummary = components['schemas']['BillingSummaryResponseOfSims']

export interface SoracomClientOptions {
  /** `https://api.soracom.io/v1` (Japan) or `https://g.api.soracom.io/v1` (global). */
  baseUrl: string
  authKeyId: string
  authKey: string
  /** Each HTTP request gives up after this long. */
  timeoutMs?: number
  /** 429 and 5xx are retried with backoff until this much time has passed since the call began. */
  deadlineMs?: number
  /** Backoff between retries (doubling), for tests. */
  backoffMs?: number
}

type Answer<T> = { data?: T; error?: unknown; response: Response }

/**
 * The SORACOM API for one linked operator and coverage, typed from the repo's OpenAPI description
 * (openapi/soracom-billing.yaml → schema.d.ts) and called through openapi-fetch. It authenticates
 * with the SAM user's auth key (`POST /auth`), sends `X-Soracom-API-Key` / `X-Soracom-Token`,
 * renews the token once on a 401, retries 429 and 5xx with backoff within a deadline, and gives
 * every request a timeout. Failures are SoracomErrors with a code; nothing here logs the key.
 */
export class SoracomClient {
  private readonly http: ReturnType<typeof createClient<paths>>
  private session: Promise<{ apiKey: string; token: string; operatorId?: string }> | undefined
  private readonly timeoutMs: number
  private readonly deadlineMs: number
  private readonly backoffMs: number

  constructor(private readonly options: SoracomClientOptions) {
    this.http = createClient<paths>({ baseUrl: options.baseUrl.replace(/\/$/, '') })
    this.timeoutMs = options.timeoutMs ?? 10_000
    this.deadlineMs = options.deadlineMs ?? 20_000
    this.backoffMs = options.backoffMs ?? 500
  }

  /** Authenticates (or reuses the session) and returns the operator the key belongs to. */
  async authenticate(): Promise<{ operatorId?: string }> {
    const session = await this.login()
    return session.operatorId ? { operatorId: session.operatorId } : {}
  }

  getBilling(yyyyMM: string): Promise<MonthlyBill> {
    return this.call('getBilling', (init) =>
      this.http.GET('/bills/{yyyyMM}', { ...init, params: { path: { yyyyMM } } }),
    )
  }

  async getBillingHistory(): Promise<MonthlyBill[]> {
    const answer = await this.call('getBillingHistory', (init) => this.http.GET('/bills', init))
    return answer.billList ?? []
  }

  getLatestBilling(): Promise<LatestBill> {
    return this.call('getLatestBilling', (init) => this.http.GET('/bills/latest', init))
  }

  /** The month's days so far (fees charged monthly are not in them); preliminary for the running month. */
  async getBillingPerDay(yyyyMM: string): Promise<DailyBill[]> {
    const answer = await this.call('getBillingPerDay', (init) =>
      this.http.GET('/bills/{yyyyMM}/daily', { ...init, params: { path: { yyyyMM } } }),
    )
    return answer.billList ?? []
  }

  /** Costs by service, this month and the three before it, newest first. */
  getBillingSummaryOfBillItems(): Promise<BillItemsSummary[]> {
    return this.call('getBillingSummaryOfBillItems', (init) =>
      this.http.GET('/bills/summaries/bill_items', init),
    )
  }

  /** Costs per SIM (the top 100), this month and the three before it, newest first. */
  getBillingSummaryOfSims(): Promise<SimsSummary[]> {
    return this.call('getBillingSummaryOfSims', (init) => this.http.GET('/bills/summaries/sims', init))
  }

  /** The 課金詳細 CSV of a month: a download URL (sync export). */
  async exportBilling(yyyyMM: string): Promise<string> {
    const answer = await this.call('exportBilling', (init) =>
      this.http.POST('/bills/{yyyyMM}/export', {
        ...init,
        params: { path: { yyyyMM }, query: { export_mode: 'sync' } },
      }),
    )
    if (!answer.url) throw new SoracomError('soracom_refused', 'exportBilling')
    return answer.url
  }

  /** The 課金詳細 CSV of the running month (preliminary): a download URL (sync export). */
  async exportLatestBilling(): Promise<string> {
    const answer = await this.call('exportLatestBilling', (init) =>
      this.http.POST('/bills/latest/export', { ...init, params: { query: { export_mode: 'sync' } } }),
    )
    if (!answer.url) throw new SoracomError('soracom_refused', 'exportLatestBilling')
    return answer.url
  }

  getPaymentMethod(): Promise<PaymentMethod> {
    return this.call('getPaymentMethod', (init) => this.http.GET('/payment_methods/current', init))
  }

  async listPaymentStatements(): Promise<PaymentStatement[]> {
    const answer = await this.call('listPaymentStatements', (init) =>
      this.http.GET('/payment_statements', init),
    )
    return answer.paymentStatementsList ?? []
  }

  /** A 請求明細書 PDF: a download URL (sync export). */
  async exportPaymentStatement(paymentStatementId: string): Promise<string> {
    const answer = await this.call('exportPaymentStatement', (init) =>
      this.http.POST('/payment_statements/{payment_statement_id}/export', {
        ...init,
        params: { path: { payment_statement_id: paymentStatementId }, query: { export_mode: 'sync' } },
      }),
    )
    if (!answer.url) throw new SoracomError('soracom_refused', 'exportPaymentStatement')
    return answer.url
  }

  private login(): Promise<{ apiKey: string; token: string; operatorId?: string }> {
    this.session ??= this.retrying('auth', async () => {
      const answer = await this.http.POST('/auth', {
        body: {
          authKeyId: this.options.authKeyId,
          authKey: this.options.authKey,
          tokenTimeoutSeconds: 86_400,
        },
        signal: AbortSignal.timeout(this.timeoutMs),
      })
      return answer
    }).then(
      (data) => {
        if (!data.apiKey || !data.token) throw new SoracomError('soracom_auth_failed', 'auth')
        return {
          apiKey: data.apiKey,
          token: data.token,
          ...(data.operatorId ? { operatorId: data.operatorId } : {}),
        }
      },
      (error: unknown) => {
        this.session = undefined
        throw error
      },
    )
    return this.session
  }

  /** One authenticated call: a 401 renews the token once. */
  private async call<T>(
    operation: string,
    send: (init: { headers: Record<string, string>; signal: AbortSignal }) => Promise<Answer<T>>,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const session = await this.login()
      try {
        return await this.retrying(operation, () =>
          send({
            headers: { 'X-Soracom-API-Key': session.apiKey, 'X-Soracom-Token': session.token },
            signal: AbortSignal.timeout(this.timeoutMs),
          }),
        )
      } catch (error) {
        if (error instanceof SoracomError && error.code === 'soracom_auth_failed' && attempt === 0) {
          this.session = undefined
          continue
        }
        throw error
      }
    }
  }

  /** Retries 429 and 5xx (and network failures) with doubling backoff until the deadline. */
  private async retrying<T>(operation: string, send: () => Promise<Answer<T>>): Promise<T> {
    const deadline = Date.now() + this.deadlineMs
    let wait = this.backoffMs
    for (;;) {
      let answer: Answer<T>
      try {
        answer = await send()
      } catch (error) {
        if (Date.now() + wait >= deadline)
          throw new SoracomError('soracom_unreachable', operation, undefined, { cause: error })
        await sleep(wait)
        wait *= 2
        continue
      }
      const status = answer.response.status
      if (answer.response.ok && answer.data !== undefined) return answer.data
      if (status === 401) throw new SoracomError('soracom_auth_failed', operation, status)
      if (status === 404) throw new SoracomError('soracom_not_found', operation, status)
      if (status !== 429 && status < 500) throw new SoracomError('soracom_refused', operation, status)
      const retryAfter = Number(answer.response.headers.get('retry-after')) * 1000
      const pause = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : wait
      if (Date.now() + pause >= deadline) throw new SoracomError('soracom_unreachable', operation, status)
      await sleep(pause)
      wait *= 2
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
