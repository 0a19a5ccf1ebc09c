import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { YearMonth } from '../../src/domain/plain-date.js'
import { SoracomClient } from '../../src/soracom/client.js'
import { SoracomGateway } from '../../src/soracom/gateway.js'

const SPEC = new URL('../../openapi/soracom-billing.yaml', import.meta.url).pathname
const PRISM = new URL('../../node_modules/.bin/prism', import.meta.url).pathname

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const port = (server.address() as { port: number }).port
  server.close()
  return port
}

/**
 * The client against a mock served by Prism from the repo's OpenAPI description, with request
 * validation on: a path, parameter, body or header the description does not allow is answered
 * 4xx (401 without the security headers, 422 for a bad parameter), so the client fails the test.
 */
describe('contract: the SORACOM client against Prism serving openapi/soracom-billing.yaml', () => {
  let prism: ChildProcess
  let baseUrl: string
  beforeAll(async () => {
    const port = await freePort()
    baseUrl = `http://127.0.0.1:${port}`
    prism = spawn(PRISM, ['mock', SPEC, '-h', '127.0.0.1', '-p', String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Prism did not start:\n${output}`)), 30_000)
      const read = (chunk: Buffer) => {
        output += chunk.toString()
        if (output.includes('Prism is listening')) {
          clearTimeout(timer)
          resolve()
        }
      }
      prism.stdout?.on('data', read)
      prism.stderr?.on('data', read)
      prism.once('exit', (code) => reject(new Error(`Prism exited (${code}):\n${output}`)))
    })
  }, 40_000)
  afterAll(() => {
    prism?.kill('SIGKILL')
  })

  const client = () =>
    new SoracomClient({
      baseUrl,
      authKeyId: 'keyId-contract',
      authKey: 'secret-contract',
      timeoutMs: 5_000,
      deadlineMs: 5_000,
      backoffMs: 50,
    })

  it('every call the bot makes is one the description accepts', async () => {
    const soracom = client()
    await expect(soracom.authenticate()).resolves.toBeDefined()
    await expect(soracom.getBilling('202208')).resolves.toHaveProperty('amount')
    await expect(soracom.getBillingHistory()).resolves.toBeInstanceOf(Array)
    await expect(soracom.getLatestBilling()).resolves.toHaveProperty('amount')
    await expect(soracom.exportBilling('202208')).resolves.toEqual(expect.any(String))
    await expect(soracom.exportLatestBilling()).resolves.toEqual(expect.any(String))
    await expect(soracom.getBillingPerDay('202208')).resolves.toBeInstanceOf(Array)
    await expect(soracom.getBillingSummaryOfBillItems()).resolves.toBeInstanceOf(Array)
    await expect(soracom.getBillingSummaryOfSims()).resolves.toBeInstanceOf(Array)
    await expect(soracom.getPaymentMethod()).resolves.toHaveProperty('errorCode')
    await expect(soracom.listPaymentStatements()).resolves.toBeInstanceOf(Array)
    await expect(soracom.exportPaymentStatement('PS01')).resolves.toEqual(expect.any(String))
  })

  it('the gateway the use cases call goes through the same accepted requests', async () => {
    const gateway = new SoracomGateway({
      jpUrl: baseUrl,
      globalUrl: baseUrl,
      credentialsKey: Buffer.alloc(32, 7),
      timing: { timeoutMs: 5_000, deadlineMs: 5_000, backoffMs: 50 },
    })
    const target = { operatorId: 'OP0123456789', coverage: 'jp' as const }
    const api = gateway.api({
      ...target,
      credentials: gateway.seal(target, { authKeyId: 'keyId-c', authKey: 'secret-c' }),
      alertChannel: 'C1',
      linkedBy: 'U1',
      linkedAt: '2026-11-01T00:00:00.000Z',
    })
    await expect(api.paymentMethod()).resolves.toBeDefined()
    await expect(api.exportCsv('2022-08' as YearMonth)).resolves.toEqual(expect.any(String))
    await expect(api.history()).resolves.toBeInstanceOf(Array)
    await expect(api.daily('2022-08' as YearMonth)).resolves.toBeInstanceOf(Array)
    await expect(api.costDrivers('2022-08' as YearMonth)).resolves.toMatchObject({
      services: expect.any(Array),
      sims: expect.any(Array),
    })
    await expect(api.exportLatestCsv()).resolves.toEqual(expect.any(String))
    // Linking asks for every read the bot makes, the spend watch's too: Prism allows them all.
    await expect(gateway.verify('jp', { authKeyId: 'keyId-c', authKey: 'secret-c' })).resolves.toMatchObject({
      missingPermissions: [],
    })
  })

  it('the mock refuses what the API would refuse, so a wrong request cannot pass', async () => {
    const noHeaders = await fetch(`${baseUrl}/bills/202208`)
    expect(noHeaders.status).toBe(401)
    const badMode = await fetch(`${baseUrl}/bills/202208/export?export_mode=now`, {
      method: 'POST',
      headers: { 'X-Soracom-API-Key': 'a', 'X-Soracom-Token': 't' },
    })
    expect(badMode.status).toBe(422)
    const badBody = await fetch(`${baseUrl}/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ authKeyId: 'keyId-a', authKey: 'secret-b', tokenTimeoutSeconds: 999_999 }),
    })
    expect(badBody.status).toBe(422)
  })
})
