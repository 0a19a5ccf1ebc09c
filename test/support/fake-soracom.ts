import { once } from 'node:events'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface SoracomCall {
  method: string
  path: string
  headers: IncomingMessage['headers']
  body: unknown
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> }

/**
 * A local stand-in for the SORACOM API (one coverage): `/auth` with auth keys, bills, the payment
 * method and statements, answering like the reference; every call recorded; any path can be told
 * to fail or hang.
 */
export class FakeSoracom {
  readonly calls: SoracomCall[] = []
  /** authKeyId → { authKey, operatorId } the API accepts. */
  readonly keys = new Map<string, { authKey: string; operatorId: string }>()
  readonly bills = new Map<string, Record<string, unknown>>()
  latest: Record<string, unknown> = { amount: 1234, currency: 'JPY', lastEvaluatedTime: '20261126090000' }
  paymentMethod: Record<string, unknown> | undefined = { errorCode: 'success', providerType: 'WebPay' }
  statements: Array<Record<string, unknown>> = []
  /** yyyyMM → the days with figures, as `GET /bills/{yyyyMM}/daily` lists them (newest first). */
  readonly daily = new Map<string, Array<{ date: string; amount: number; currency?: string }>>()
  /** `GET /bills/summaries/bill_items` and `/sims`: this month and up to three before it, newest first. */
  billItems: Array<Record<string, unknown>> = []
  simCosts: Array<Record<string, unknown>> = []
  /** Tokens issued; clearing this makes the next call answer 401 (an expired token). */
  readonly tokens = new Set<string>()
  /** Routes the key's SAM user may not call (e.g. `GET /v1/payment_methods/current`): HTTP 403. */
  readonly denied = new Set<string>()
  private readonly queued = new Map<string, Reply[]>()
  private readonly hanging = new Set<string>()
  private server: Server | undefined
  private base = ''
  private seq = 0

  get url(): string {
    return `${this.base}/v1`
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res))
    this.server.listen(0, '127.0.0.1')
    await once(this.server, 'listening')
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }

  /** The next calls to `path` (e.g. `GET /v1/bills/202208`) get these replies. */
  failNext(route: string, ...replies: Reply[]): void {
    this.queued.set(route, [...(this.queued.get(route) ?? []), ...replies])
  }

  /** SORACOM is back: queued failures and hanging routes are forgotten. */
  recover(): void {
    this.queued.clear()
    this.hanging.clear()
  }

  hang(route: string): void {
    this.hanging.add(route)
  }

  callsTo(route: string): SoracomCall[] {
    return this.calls.filter((c) => `${c.method} ${c.path}` === route)
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url ?? '/', this.base)
    const call: SoracomCall = {
      method: req.method ?? 'GET',
      path: url.pathname,
      headers: req.headers,
      body: text ? JSON.parse(text) : undefined,
    }
    this.calls.push(call)
    const route = `${call.method} ${call.path}`
    if (this.hanging.has(route)) return
    const reply = this.queued.get(route)?.shift() ?? this.answer(call, url)
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body))
  }

  private answer(call: SoracomCall, url: URL): Reply {
    const route = `${call.method} ${call.path}`
    if (route === 'POST /v1/auth') {
      const body = call.body as { authKeyId?: string; authKey?: string }
      const key = this.keys.get(body.authKeyId ?? '')
      if (!key || key.authKey !== body.authKey)
        return { status: 401, body: { code: 'AUM0001', message: 'Invalid credentials' } }
      const token = `token-${++this.seq}`
      this.tokens.add(token)
      return { status: 200, body: { apiKey: `api-${this.seq}`, token, operatorId: key.operatorId } }
    }
    if (
      !this.tokens.has(String(call.headers['x-soracom-token'] ?? '')) ||
      !call.headers['x-soracom-api-key']
    ) {
      return { status: 401, body: { code: 'AUM0002', message: 'Invalid token' } }
    }
    if (this.denied.has(route)) {
      return {
        status: 403,
        body: { code: 'COM0017', message: 'You are not allowed to perform this operation' },
      }
    }
    const days = /^\/v1\/bills\/(\d{6})\/daily$/.exec(call.path)
    if (days && call.method === 'GET') {
      const list = this.daily.get(days[1] ?? '')
      return list
        ? {
            status: 200,
            body: {
              billList: [...list]
                .sort((a, b) => b.date.localeCompare(a.date))
                .map((d) => ({ currency: 'JPY', ...d })),
            },
          }
        : { status: 404, body: { code: 'BIL0001', message: 'Bill not found' } }
    }
    if (call.method === 'GET' && call.path === '/v1/bills/summaries/bill_items')
      return { status: 200, body: this.billItems }
    if (call.method === 'GET' && call.path === '/v1/bills/summaries/sims')
      return { status: 200, body: this.simCosts }
    if (call.method === 'POST' && call.path === '/v1/bills/latest/export') {
      return { status: 200, body: { url: 'https://soracom-export.example/latest.csv?sig=x' } }
    }
    const month = /^\/v1\/bills\/(\d{6})(\/export)?$/.exec(call.path)
    if (call.method === 'GET' && call.path === '/v1/bills') {
      return { status: 200, body: { billList: [...this.bills.values()].filter((b) => b.state === 'closed') } }
    }
    if (call.method === 'GET' && call.path === '/v1/bills/latest') return { status: 200, body: this.latest }
    if (month && call.method === 'GET' && !month[2]) {
      const bill = this.bills.get(month[1] ?? '')
      return bill
        ? { status: 200, body: bill }
        : { status: 404, body: { code: 'BIL0001', message: 'Not found' } }
    }
    if (month && call.method === 'POST' && month[2]) {
      if (!this.bills.has(month[1] ?? '')) return { status: 404, body: { message: 'Bill not found' } }
      return url.searchParams.get('export_mode') === 'sync'
        ? { status: 200, body: { url: `https://soracom-export.example/${month[1]}.csv?sig=x` } }
        : { status: 200, body: { exportedFileId: 'fe_1', exportedFilePath: '//files/exported/fe_1' } }
    }
    if (call.method === 'GET' && call.path === '/v1/payment_methods/current') {
      return this.paymentMethod
        ? { status: 200, body: this.paymentMethod }
        : { status: 404, body: { message: 'Not found' } }
    }
    if (call.method === 'GET' && call.path === '/v1/payment_statements') {
      return { status: 200, body: { paymentStatementsList: this.statements } }
    }
    const statement = /^\/v1\/payment_statements\/([^/]+)\/export$/.exec(call.path)
    if (statement && call.method === 'POST') {
      if (!this.statements.some((s) => s.paymentStatementId === statement[1]))
        return { status: 400, body: { message: 'Invalid payment statement ID' } }
      return { status: 200, body: { url: `https://soracom-export.example/${statement[1]}.pdf` } }
    }
    return { status: 404, body: { message: 'No such path in the fake' } }
  }
}
