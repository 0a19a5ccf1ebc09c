import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SoracomClient } from '../../src/soracom/client.js'
import { SoracomError } from '../../src/soracom/errors.js'
import { FakeSoracom } from '../support/fake-soracom.js'

const KEY = { authKeyId: 'keyId-abc', authKey: 'secret-xyz' }

describe('the SORACOM client against the fake SORACOM API', () => {
  let soracom: FakeSoracom
  beforeEach(async () => {
    soracom = await new FakeSoracom().start()
    soracom.keys.set(KEY.authKeyId, { authKey: KEY.authKey, operatorId: 'OP0123456789' })
    soracom.bills.set('202208', {
      amount: 28734,
      appliedCouponAmount: 0,
      currency: 'JPY',
      paymentStatus: 'paid',
      state: 'closed',
      yearMonth: '202208',
    })
  })
  afterEach(async () => {
    await soracom.stop()
  })

  const client = (over: Partial<ConstructorParameters<typeof SoracomClient>[0]> = {}) =>
    new SoracomClient({
      baseUrl: soracom.url,
      ...KEY,
      backoffMs: 10,
      // Room for a loaded machine on the happy path; the tests of timeouts and deadlines set theirs.
      deadlineMs: 10_000,
      timeoutMs: 5_000,
      ...over,
    })

  it('authenticates with the auth key and sends the API key and token on each call', async () => {
    const bill = await client().getBilling('202208')

    expect(bill).toMatchObject({ amount: 28734, state: 'closed', paymentStatus: 'paid' })
    expect(soracom.callsTo('POST /v1/auth')[0]?.body).toMatchObject(KEY)
    const call = soracom.callsTo('GET /v1/bills/202208')[0]
    expect(call?.headers['x-soracom-api-key']).toMatch(/^api-/)
    expect(call?.headers['x-soracom-token']).toMatch(/^token-/)
  })

  it('reports the operator the key belongs to', async () => {
    expect(await client().authenticate()).toEqual({ operatorId: 'OP0123456789' })
  })

  it('refuses a wrong auth key as soracom_auth_failed', async () => {
    await expect(client({ authKey: 'secret-wrong' }).authenticate()).rejects.toMatchObject({
      code: 'soracom_auth_failed',
    })
  })

  it('renews an expired token once and carries on', async () => {
    const c = client()
    await c.getBilling('202208')
    soracom.tokens.clear()

    await expect(c.getBilling('202208')).resolves.toMatchObject({ amount: 28734 })
    expect(soracom.callsTo('POST /v1/auth')).toHaveLength(2)
  })

  it('retries 429 and 5xx with backoff, then answers', async () => {
    soracom.failNext('GET /v1/bills/202208', { status: 429 }, { status: 503 })

    await expect(client().getBilling('202208')).resolves.toMatchObject({ amount: 28734 })
    expect(soracom.callsTo('GET /v1/bills/202208')).toHaveLength(3)
  })

  it('gives up as soracom_unreachable when SORACOM keeps failing past the deadline', async () => {
    soracom.failNext('GET /v1/bills/202208', ...Array.from({ length: 50 }, () => ({ status: 500 })))

    await expect(client({ deadlineMs: 500 }).getBilling('202208')).rejects.toMatchObject({
      code: 'soracom_unreachable',
    })
  })

  it('times out a hanging SORACOM as soracom_unreachable, within the deadline', async () => {
    soracom.hang('GET /v1/bills/202208')
    const started = Date.now()

    await expect(client({ timeoutMs: 300, deadlineMs: 500 }).getBilling('202208')).rejects.toBeInstanceOf(
      SoracomError,
    )
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('says soracom_not_found for a month that is not finalized', async () => {
    await expect(client().getBilling('202301')).rejects.toMatchObject({ code: 'soracom_not_found' })
  })

  it('exports the 課金詳細 CSV in sync mode and returns its URL', async () => {
    const url = await client().exportBilling('202208')

    expect(url).toContain('202208.csv')
    expect(soracom.calls.at(-1)?.path).toBe('/v1/bills/202208/export')
  })

  it('lists payment statements and exports one as a PDF URL', async () => {
    soracom.statements = [
      { paymentStatementId: 'ps-1', amount: 28734, currency: 'JPY', chargedYearMonths: ['202208'] },
    ]
    const c = client()

    const [statement] = await c.listPaymentStatements()
    const url = await c.exportPaymentStatement(statement?.paymentStatementId ?? '')

    expect(url).toContain('ps-1.pdf')
  })

  it('reads the payment method and its error code', async () => {
    soracom.paymentMethod = { errorCode: 'card_declined', providerType: 'WebPay' }

    expect(await client().getPaymentMethod()).toMatchObject({ errorCode: 'card_declined' })
  })
})
