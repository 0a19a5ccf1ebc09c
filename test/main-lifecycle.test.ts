import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LISTENING, startBotProcess, startNpmStart, waitForOutput } from './support/bot-process.js'
import { FakeSoracom } from './support/fake-soracom.js'
import { dataFileWithLink, mainHarness } from './support/main-harness.js'
import { postSigned, SIGNING_SECRET, slashCommandForm } from './support/slack-request.js'
import { mountTmpfs } from './support/tmpfs.js'

describe('the running process: shutdown, the data-file lock, faults (the built dist/main.js)', () => {
  const h = mainHarness()

  // First: ten processes starting at once load the machine most, and the sequencer starts this
  // file before test/main.test.ts, so its process tests do not start beside these.
  it('ten `npm start`s at the same moment on one checkout each serve /healthz (nothing is compiled at start)', async () => {
    const bots = Array.from({ length: 10 }, (_, n) =>
      startNpmStart(h.httpEnv(join(h.dir, `db-${n}.json`)), h.dir),
    )
    try {
      const urls = await Promise.all(
        bots.map(async (bot) => {
          const [, port] = await waitForOutput(bot, LISTENING, 60_000)
          return `http://127.0.0.1:${port}`
        }),
      )

      const answers = await Promise.all(urls.map((url) => fetch(`${url}/healthz`)))

      // 200 once auth.test answered, 503 "not ready" before: either way the bot is up and serving.
      for (const res of answers) expect([200, 503]).toContain(res.status)
      for (const bot of bots) expect(bot.output()).not.toMatch(/SyntaxError|does not provide an export/)
    } finally {
      for (const bot of bots) bot.killTree('SIGKILL')
      await Promise.all(bots.map((bot) => bot.exited))
    }
  }, 90_000)

  it('lets a check in flight finish on SIGTERM: an alert posted just before the stop is not posted again', async () => {
    const key = randomBytes(32)
    const soracom = await new FakeSoracom().start()
    try {
      soracom.keys.set('keyId-x', { authKey: 'secret-x', operatorId: 'OP0123456789' })
      soracom.paymentMethod = { providerType: 'WebPay', errorCode: 'card_declined' }
      const { file } = await dataFileWithLink(h.dir, key)
      const env = {
        ...h.httpEnv(file),
        CREDENTIALS_KEY: key.toString('base64'),
        SORACOM_API_URL: soracom.url,
      }
      // The start-up check posts the payment-error checklist; Slack answers it slowly.
      h.slack.delay('chat.postMessage', 1500)
      h.running = startBotProcess(env, h.dir)
      await h.slack.waitFor('chat.postMessage', (c) => c.args.channel === 'C0BILLING', { timeoutMs: 15_000 })
      h.running.child.kill('SIGTERM')
      expect(await h.running.exited).toBe(0)

      h.slack.delay('chat.postMessage', 0)
      h.running = startBotProcess(env, h.dir)
      await waitForOutput(h.running, /listening on/)
      await waitForOutput(h.running, /soracom checks done/)
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0BILLING')).toHaveLength(
        1,
      )
    } finally {
      await soracom.stop()
    }
  })

  it('refuses a second bot on the same data file, and starts again after the first was killed', async () => {
    const file = join(h.dir, 'db.json')
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-t',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: h.slack.apiUrl,
      DATA_FILE: file,
      PORT: '0',
    }
    const first = startBotProcess(env, h.dir)
    h.running = first
    await waitForOutput(first, /listening on/)

    const second = startBotProcess(env, h.dir)
    expect(await second.exited).toBe(1)
    expect(second.output()).toContain(
      `store_locked: Data file ${file} is in use by process ${first.child.pid}`,
    )

    first.child.kill('SIGKILL')
    await first.exited
    const third = startBotProcess(env, h.dir)
    h.running = third
    await waitForOutput(third, /listening on/)
  })

  it('keeps serving when its data directory turns read-only, refuses writes inline, names the store on /healthz, and recovers by itself (issue 23.3, a real tmpfs)', async (context) => {
    const disk = await mountTmpfs(join(h.dir, 'data'))
    if (!disk) return context.skip('needs root to mount a tmpfs')
    try {
      const file = join(h.dir, 'data', 'db.json')
      const { url, bot } = await h.startHttpBot(file)
      await h.slack.waitFor('auth.test')
      await disk.readOnly()
      // A renewal fails on the next heartbeat (2 s): the bot must not take that for a lost lease.
      await waitForOutput(bot, /lease cannot be renewed/, 10_000)

      const health = await fetch(`${url}/healthz`)
      const refused = await h.submitDirectDebit(url)

      expect(bot.child.exitCode).toBeNull()
      expect(health.status).toBe(503)
      expect(JSON.stringify(await health.json())).toMatch(/"store":false,"storeProblem":"EROFS/)
      // The request is refused inside the form (nothing half-kept), and the help still answers.
      expect(JSON.stringify(refused.json())).toContain('保存できなかったため')
      const help = await postSigned(
        url,
        slashCommandForm({ command: '/billing', text: 'help', responseUrl: h.slack.responseUrl() }),
      )
      expect(help.text).toContain('請求サポートでできること')

      await disk.readWrite()
      await waitForOutput(bot, /writable again/, 10_000)
      const again = await h.submitDirectDebit(url)

      expect(again.text).toBe('')
      expect((await fetch(`${url}/healthz`)).status).toBe(200)
      const db = JSON.parse(await readFile(file, 'utf8')) as { tickets: unknown[] }
      expect(db.tickets).toHaveLength(1)
    } finally {
      h.running?.child.kill('SIGKILL')
      await h.running?.exited
      h.running = undefined
      await disk.readWrite()
      disk.unmount()
    }
  }, 40_000)

  it('on SIGTERM finishes what it acknowledged, releases the file and exits 0', async () => {
    const file = join(h.dir, 'db.json')
    const { url, bot } = await h.startHttpBot(file)
    const submitted = await h.submitDirectDebit(url)
    expect(submitted.status).toBe(200)

    bot.child.kill('SIGTERM')

    expect(await bot.exited).toBe(0)
    const db = JSON.parse(await readFile(file, 'utf8')) as {
      tickets: Array<{ operatorId: string; message?: unknown }>
    }
    expect(db.tickets).toHaveLength(1)
    expect(db.tickets[0]?.message).toBeDefined()
    await expect(readFile(`${file}.lock`, 'utf8')).rejects.toThrow()
  })

  it('on SIGTERM with Slack hanging, stops accepting at once and exits 0 within the drain deadline, the ticket kept', async () => {
    const file = join(h.dir, 'db.json')
    const { url, bot } = await h.startHttpBot(file)
    const submitted = await h.submitDirectDebit(url, () => h.slack.hang('chat.postMessage'))
    expect(submitted.status).toBe(200)
    await h.slack.waitFor('chat.postMessage')

    const started = Date.now()
    bot.child.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 200))
    const afterStop = await fetch(`${url}/healthz`).then(
      (r) => r.status,
      () => 'refused' as const,
    )

    expect(await bot.exited).toBe(0)
    expect(Date.now() - started).toBeLessThan(8000)
    expect(afterStop).toBe('refused')
    const db = JSON.parse(await readFile(file, 'utf8')) as { tickets: unknown[] }
    expect(db.tickets).toHaveLength(1)
    await expect(readFile(`${file}.lock`, 'utf8')).rejects.toThrow()
    h.slack.unhang('chat.postMessage')
  }, 15_000)

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'the production start (node dist/main.js, as the Dockerfile runs it) stops on %s with exit 0 and the lock released',
    async (signal) => {
      const file = join(h.dir, 'db.json')
      const { bot } = await h.startHttpBot(file)

      bot.child.kill(signal)

      expect(await bot.exited).toBe(0)
      await expect(readFile(`${file}.lock`, 'utf8')).rejects.toThrow()
    },
    20_000,
  )
})
