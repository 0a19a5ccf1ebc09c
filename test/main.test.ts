import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { type AddressInfo, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { linkKey } from '../src/domain/soracom-link.js'
import { openSecret, sealSecret } from '../src/soracom/credentials.js'
import {
  type BotProcess,
  LISTENING,
  startBotProcess,
  startNpmStart,
  waitForOutput,
} from './support/bot-process.js'
import { FakeSlack } from './support/fake-slack.js'
import { FakeSoracom } from './support/fake-soracom.js'
import { postSigned, SIGNING_SECRET, slashCommandForm, viewSubmissionForm } from './support/slack-request.js'
import { mountTmpfs } from './support/tmpfs.js'

describe('start-up (the real process: the built dist/main.js, as npm start runs it)', () => {
  let dir: string
  let slack: FakeSlack
  let running: BotProcess | undefined
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'main-'))
    slack = await new FakeSlack().start()
  })
  afterEach(async () => {
    running?.child.kill('SIGKILL')
    running = undefined
    await slack.stop()
    await rm(dir, { recursive: true, force: true })
  })

  /** The environment of a bot in HTTP mode on a free port against the fake Slack. */
  const httpEnv = (file: string) => ({
    SLACK_BOT_TOKEN: 'xoxb-t',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    DATA_FILE: file,
    PORT: '0',
  })

  /** The built bot (dist/main.js, as npm start and the Dockerfile run it) on a free port; resolves with its URL. */
  async function startHttpBot(file: string): Promise<{ url: string; bot: BotProcess }> {
    const bot = startBotProcess(httpEnv(file), dir)
    running = bot
    const [, port] = await waitForOutput(bot, LISTENING)
    return { url: `http://127.0.0.1:${port}`, bot }
  }

  /** `/direct-debit`, then its modal submitted with valid answers; resolves with the HTTP answer. */
  async function submitDirectDebit(url: string, beforeSubmit: () => void = () => undefined) {
    await postSigned(url, slashCommandForm({ command: '/direct-debit', responseUrl: slack.responseUrl() }))
    const open = await slack.waitFor('views.open')
    beforeSubmit()
    return postSigned(
      url,
      viewSubmissionForm(open.args.view as Parameters<typeof viewSubmissionForm>[0], {
        operator_id: 'OP0123456789',
        coverage: 'jp',
        account_type: 'corporate',
        invoice_payment: 'active',
        consent: ['agree'],
      }),
    )
  }

  it('stops with one line per configuration problem and a non-zero exit, without a stack trace', async () => {
    running = startBotProcess({ PORT: 'x', BOT_NOW: 'soon' }, dir)

    const code = await running.exited

    expect(code).toBe(1)
    const lines = running.output().trim().split('\n')
    expect(lines).toEqual([
      expect.stringMatching(/^config: SLACK_BOT_TOKEN is required/),
      expect.stringMatching(/^config: PORT must be a port number/),
      expect.stringMatching(/^config: BOT_NOW must be an ISO 8601 time/),
      expect.stringMatching(/^config: SLACK_SIGNING_SECRET is required in HTTP mode/),
    ])
  })

  const LINKED = { operatorId: 'OP0123456789', coverage: 'jp' as const }
  const SEALED_KEY = '{"authKeyId":"keyId-x","authKey":"secret-x"}'

  /** A data file holding one linked operator, its auth key sealed with `sealedWith`. */
  async function dataFileWithLink(sealedWith: Buffer): Promise<{ file: string; content: string }> {
    const file = join(dir, 'db.json')
    const content = JSON.stringify({
      schemaVersion: 3,
      tickets: [],
      checklists: [],
      reminders: [],
      subscriptions: [],
      operators: [],
      alerts: [],
      links: [
        {
          ...LINKED,
          credentials: sealSecret(SEALED_KEY, sealedWith, linkKey(LINKED)),
          alertChannel: 'C0BILLING',
          linkedBy: 'U0ADMIN',
          linkedAt: '2026-11-01T00:00:00.000Z',
        },
      ],
    })
    await writeFile(file, content)
    return { file, content }
  }

  it.each([
    ['no CREDENTIALS_KEY', undefined],
    ['another CREDENTIALS_KEY', randomBytes(32).toString('base64')],
  ])(
    'refuses to start with stored SORACOM credentials and %s, in one line, the file untouched',
    async (_, key) => {
      const { file, content } = await dataFileWithLink(randomBytes(32))
      running = startBotProcess(
        {
          SLACK_BOT_TOKEN: 'xoxb-t',
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          DATA_FILE: file,
          ...(key ? { CREDENTIALS_KEY: key } : {}),
        },
        dir,
      )

      expect(await running.exited).toBe(1)
      const lines = running.output().trim().split('\n')
      expect(lines).toEqual([expect.stringMatching(/^credentials_key: /)])
      expect(lines[0]).toContain(key ? 'cannot be opened with CREDENTIALS_KEY' : 'CREDENTIALS_KEY is not set')
      expect(await readFile(file, 'utf8')).toBe(content)
    },
  )

  it('rotates CREDENTIALS_KEY: keys sealed with CREDENTIALS_KEY_PREVIOUS are sealed again at start-up', async () => {
    const oldKey = randomBytes(32)
    const newKey = randomBytes(32)
    const { file } = await dataFileWithLink(oldKey)
    const env = { ...httpEnv(file), SORACOM_POLL_MINUTES: '0', CREDENTIALS_KEY: newKey.toString('base64') }
    running = startBotProcess({ ...env, CREDENTIALS_KEY_PREVIOUS: oldKey.toString('base64') }, dir)
    await waitForOutput(running, /listening on/)
    expect(running.output()).toContain('CREDENTIALS_KEY_PREVIOUS can go')
    expect(running.output()).toContain('OP0123456789/jp')
    for (const secret of [oldKey, newKey].map((k) => k.toString('base64')).concat('secret-x'))
      expect(running.output()).not.toContain(secret)
    const [link] = (JSON.parse(await readFile(file, 'utf8')) as { links: Array<{ credentials: string }> })
      .links
    expect(link && openSecret(link.credentials, newKey, linkKey(LINKED))).toBe(SEALED_KEY)
    running.child.kill('SIGTERM')
    expect(await running.exited).toBe(0)

    // The old key is no longer needed.
    running = startBotProcess(env, dir)
    await waitForOutput(running, /listening on/)
    expect(running.output()).not.toContain('credentials_key')
  })

  it('lets a check in flight finish on SIGTERM: an alert posted just before the stop is not posted again', async () => {
    const key = randomBytes(32)
    const soracom = await new FakeSoracom().start()
    try {
      soracom.keys.set('keyId-x', { authKey: 'secret-x', operatorId: 'OP0123456789' })
      soracom.paymentMethod = { providerType: 'WebPay', errorCode: 'card_declined' }
      const { file } = await dataFileWithLink(key)
      const env = { ...httpEnv(file), CREDENTIALS_KEY: key.toString('base64'), SORACOM_API_URL: soracom.url }
      // The start-up check posts the payment-error checklist; Slack answers it slowly.
      slack.delay('chat.postMessage', 1500)
      running = startBotProcess(env, dir)
      await slack.waitFor('chat.postMessage', (c) => c.args.channel === 'C0BILLING', { timeoutMs: 15_000 })
      running.child.kill('SIGTERM')
      expect(await running.exited).toBe(0)

      slack.delay('chat.postMessage', 0)
      running = startBotProcess(env, dir)
      await waitForOutput(running, /listening on/)
      await waitForOutput(running, /soracom checks done/)
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0BILLING')).toHaveLength(1)
    } finally {
      await soracom.stop()
    }
  })

  it('refuses a corrupt data file, naming it, and leaves it as it was', async () => {
    const file = join(dir, 'db.json')
    await writeFile(file, 'not json')
    running = startBotProcess(
      { SLACK_BOT_TOKEN: 'xoxb-t', SLACK_SIGNING_SECRET: SIGNING_SECRET, DATA_FILE: file },
      dir,
    )

    const code = await running.exited

    expect(code).toBe(1)
    expect(running.output()).toContain(`store_corrupt: Data file ${file} cannot be used`)
    expect(running.output()).not.toMatch(/\n\s+at /)
    expect(await readFile(file, 'utf8')).toBe('not json')
  })

  it('serves /direct-debit end to end against a fake Slack API, reading .env and BOT_NOW', async () => {
    const file = join(dir, 'data', 'db.json')
    await writeFile(
      join(dir, '.env'),
      `SLACK_BOT_TOKEN=xoxb-from-dotenv\nSLACK_SIGNING_SECRET=${SIGNING_SECRET}\n`,
    )
    running = startBotProcess(
      { PORT: '0', SLACK_API_URL: slack.apiUrl, DATA_FILE: file, BOT_NOW: '2027-05-07T09:00:00+09:00' },
      dir,
    )
    const [, port] = await waitForOutput(running, LISTENING)
    const url = `http://127.0.0.1:${port}`

    await postSigned(
      url,
      slashCommandForm({ command: '/direct-debit', text: 'OP0123456789', responseUrl: slack.responseUrl() }),
    )
    const open = await slack.waitFor('views.open')
    await postSigned(
      url,
      viewSubmissionForm(open.args.view as Parameters<typeof viewSubmissionForm>[0], {
        operator_id: 'OP0123456789',
        coverage: 'jp',
        account_type: 'corporate',
        invoice_payment: 'active',
        consent: ['agree'],
      }),
    )
    const post = await slack.waitFor('chat.postMessage')

    expect(JSON.stringify(post.args.blocks)).toContain('対象カバレッジ: 日本')
    expect(post.headers.authorization).toBe('Bearer xoxb-from-dotenv')
    const db = JSON.parse(await readFile(file, 'utf8')) as { tickets: Array<{ createdAt: string }> }
    expect(db.tickets[0]?.createdAt).toBe('2027-05-07T00:00:00.000Z')
    expect((await fetch(`${url}/healthz`)).status).toBe(200)
  })

  it('reads the settings from ENV_FILE wherever the bot is started (a service\u2019s working directory is not its checkout)', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'env-file-'))
    try {
      const envFile = join(elsewhere, 'billing-bot.env')
      await writeFile(envFile, `SLACK_BOT_TOKEN=xoxb-from-env-file\nSLACK_SIGNING_SECRET=${SIGNING_SECRET}\n`)
      running = startBotProcess(
        { PORT: '0', SLACK_API_URL: slack.apiUrl, DATA_FILE: join(dir, 'db.json'), ENV_FILE: envFile },
        dir,
      )

      const [, port] = await waitForOutput(running, LISTENING)

      await postSigned(
        `http://127.0.0.1:${port}`,
        slashCommandForm({ command: '/billing', text: 'help', responseUrl: slack.responseUrl() }),
      )
      const call = await slack.waitFor('auth.test')
      expect(call.headers.authorization).toBe('Bearer xoxb-from-env-file')
    } finally {
      await rm(elsewhere, { recursive: true, force: true })
    }
  })

  it('stops with one line when ENV_FILE names no file', async () => {
    running = startBotProcess({ ENV_FILE: join(dir, 'missing.env') }, dir)

    expect(await running.exited).toBe(1)
    expect(running.output().trim().split('\n')).toEqual([
      expect.stringMatching(/^config: ENV_FILE .*missing\.env does not exist/),
    ])
  })

  it('writes JSON lines only, at LOG_LEVEL, with no secret in them — Bolt\u2019s debug output included', async () => {
    const token = 'xoxb-1111-2222-secretpart'
    running = startBotProcess(
      {
        ...httpEnv(join(dir, 'db.json')),
        SLACK_BOT_TOKEN: token,
        LOG_LEVEL: 'debug',
      },
      dir,
    )
    const [, port] = await waitForOutput(running, LISTENING)
    await postSigned(
      `http://127.0.0.1:${port}`,
      slashCommandForm({ command: '/billing', text: 'help', responseUrl: slack.responseUrl() }),
    )
    await slack.waitFor('auth.test')
    await waitForOutput(running, /"level":"debug"/)

    const lines = running.output().trim().split('\n')
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow()
    expect(running.output()).not.toContain('secretpart')
    expect(running.output()).not.toContain(SIGNING_SECRET)
  })

  it('refuses a second bot on the same data file, and starts again after the first was killed', async () => {
    const file = join(dir, 'db.json')
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-t',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      DATA_FILE: file,
      PORT: '0',
    }
    const first = startBotProcess(env, dir)
    running = first
    await waitForOutput(first, /listening on/)

    const second = startBotProcess(env, dir)
    expect(await second.exited).toBe(1)
    expect(second.output()).toContain(
      `store_locked: Data file ${file} is in use by process ${first.child.pid}`,
    )

    first.child.kill('SIGKILL')
    await first.exited
    const third = startBotProcess(env, dir)
    running = third
    await waitForOutput(third, /listening on/)
  })

  it('keeps serving when its data directory turns read-only, refuses writes inline, names the store on /healthz, and recovers by itself (issue 23.3, a real tmpfs)', async (context) => {
    const disk = await mountTmpfs(join(dir, 'data'))
    if (!disk) return context.skip('needs root to mount a tmpfs')
    try {
      const file = join(dir, 'data', 'db.json')
      const { url, bot } = await startHttpBot(file)
      await slack.waitFor('auth.test')
      disk.readOnly()
      // A renewal fails on the next heartbeat (2 s): the bot must not take that for a lost lease.
      await waitForOutput(bot, /lease cannot be renewed/, 10_000)

      const health = await fetch(`${url}/healthz`)
      const refused = await submitDirectDebit(url)

      expect(bot.child.exitCode).toBeNull()
      expect(health.status).toBe(503)
      expect(JSON.stringify(await health.json())).toMatch(/"store":false,"storeProblem":"EROFS/)
      // The request is refused inside the form (nothing half-kept), and the help still answers.
      expect(JSON.stringify(refused.json())).toContain('保存できなかったため')
      const help = await postSigned(
        url,
        slashCommandForm({ command: '/billing', text: 'help', responseUrl: slack.responseUrl() }),
      )
      expect(help.text).toContain('請求サポートでできること')

      disk.readWrite()
      await waitForOutput(bot, /writable again/, 10_000)
      const again = await submitDirectDebit(url)

      expect(again.text).toBe('')
      expect((await fetch(`${url}/healthz`)).status).toBe(200)
      const db = JSON.parse(await readFile(file, 'utf8')) as { tickets: unknown[] }
      expect(db.tickets).toHaveLength(1)
    } finally {
      running?.child.kill('SIGKILL')
      await running?.exited
      running = undefined
      disk.readWrite()
      disk.unmount()
    }
  }, 40_000)

  /** The bot's output is exactly one line matching `line`, with no stack trace, and it exited 1. */
  async function expectOneLine(bot: BotProcess, line: RegExp) {
    expect(await bot.exited).toBe(1)
    const lines = bot
      .output()
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('{'))
    expect(lines).toEqual([expect.stringMatching(line)])
    expect(bot.output()).not.toMatch(/^\s+at /m)
  }

  it('says in one line that PORT is in use (HTTP mode), naming the variable — no stack trace (issue 23.4)', async () => {
    const taken = createServer().listen(0, '0.0.0.0')
    await once(taken, 'listening')
    const port = String((taken.address() as AddressInfo).port)
    try {
      running = startBotProcess({ ...httpEnv(join(dir, 'db.json')), PORT: port }, dir)

      await expectOneLine(running, new RegExp(`^config: PORT ${port} is in use by another process`))
    } finally {
      taken.close()
    }
  })

  it('says in one line that the health port is in use in Socket Mode, instead of crashing on an unhandled error event', async () => {
    const taken = createServer().listen(0, '0.0.0.0')
    await once(taken, 'listening')
    const port = String((taken.address() as AddressInfo).port)
    try {
      running = startBotProcess(
        {
          SLACK_BOT_TOKEN: 'xoxb-t',
          SLACK_APP_TOKEN: 'xapp-t',
          SLACK_API_URL: slack.apiUrl,
          DATA_FILE: join(dir, 'db.json'),
          PORT: port,
        },
        dir,
      )

      await expectOneLine(running, new RegExp(`^config: PORT ${port} is in use by another process`))
    } finally {
      taken.close()
    }
  })

  it('names DATA_FILE, not a temporary lock file, when its folder cannot be written (a real read-only tmpfs)', async (context) => {
    const disk = await mountTmpfs(join(dir, 'ro'))
    if (!disk) return context.skip('needs root to mount a tmpfs')
    try {
      disk.readOnly()
      const file = join(dir, 'ro', 'db.json')
      running = startBotProcess(httpEnv(file), dir)

      await expectOneLine(running, /^store_unwritable: Data file .*ro\/db\.json cannot be written \(EROFS\)/)
      expect(running.output()).not.toContain('.tmp')
    } finally {
      disk.readWrite()
      disk.unmount()
    }
  })

  it('stops with one line naming SLACK_BOT_TOKEN when Slack refuses the token, instead of retrying it as "not reachable"', async () => {
    slack.on('auth.test', () => ({ body: { ok: false, error: 'invalid_auth' } }))
    running = startBotProcess(httpEnv(join(dir, 'db.json')), dir)

    await expectOneLine(running, /^config: SLACK_BOT_TOKEN was refused by Slack \(invalid_auth\)/)
    expect(slack.callsTo('auth.test')).toHaveLength(1)
    expect(running.output()).not.toContain('not reachable yet')
  })

  it('prints the address it bound (every interface), not a loopback address it does not limit itself to', async () => {
    const { bot } = await startHttpBot(join(dir, 'db.json'))

    expect(bot.output()).toMatch(/listening on http:\/\/(\[::\]|0\.0\.0\.0):\d+\/slack\/events/)
  })

  it('on SIGTERM finishes what it acknowledged, releases the file and exits 0', async () => {
    const file = join(dir, 'db.json')
    const { url, bot } = await startHttpBot(file)
    const submitted = await submitDirectDebit(url)
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
    const file = join(dir, 'db.json')
    const { url, bot } = await startHttpBot(file)
    const submitted = await submitDirectDebit(url, () => slack.hang('chat.postMessage'))
    expect(submitted.status).toBe(200)
    await slack.waitFor('chat.postMessage')

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
    slack.unhang('chat.postMessage')
  }, 15_000)

  it('starts and serves while Slack does not answer auth.test, /healthz saying "not ready" until it does', async () => {
    slack.hang('auth.test')
    const { url } = await startHttpBot(join(dir, 'db.json'))

    const health = await fetch(`${url}/healthz`)

    expect(health.status).toBe(503)
    expect(await health.json()).toMatchObject({ ok: false, store: true, slack: 'not ready' })
    const help = await postSigned(
      url,
      slashCommandForm({ command: '/billing', text: 'help', responseUrl: slack.responseUrl() }),
    )
    expect(help.text).toContain('請求サポートでできること')
    slack.unhang('auth.test')
  })

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'the production start (node dist/main.js, as the Dockerfile runs it) stops on %s with exit 0 and the lock released',
    async (signal) => {
      const file = join(dir, 'db.json')
      const { bot } = await startHttpBot(file)

      bot.child.kill(signal)

      expect(await bot.exited).toBe(0)
      await expect(readFile(`${file}.lock`, 'utf8')).rejects.toThrow()
    },
    20_000,
  )

  it('ten `npm start`s at the same moment on one checkout each serve /healthz (nothing is compiled at start)', async () => {
    const bots = Array.from({ length: 10 }, (_, n) => startNpmStart(httpEnv(join(dir, `db-${n}.json`)), dir))
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
})
