import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { type AddressInfo, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { linkKey } from '../src/domain/soracom-link.js'
import { openSecret } from '../src/soracom/credentials.js'
import { LISTENING, startBotProcess, waitForOutput } from './support/bot-process.js'
import { dataFileWithLink, expectOneLine, LINKED, mainHarness, SEALED_KEY } from './support/main-harness.js'
import { postSigned, SIGNING_SECRET, slashCommandForm, viewSubmissionForm } from './support/slack-request.js'
import { mountTmpfs } from './support/tmpfs.js'

describe('start-up (the real process: the built dist/main.js, as npm start runs it)', () => {
  const h = mainHarness()

  it('stops with one line per configuration problem and a non-zero exit, without a stack trace', async () => {
    h.running = startBotProcess({ PORT: 'x', BOT_NOW: 'soon' }, h.dir)

    const code = await h.running.exited

    expect(code).toBe(1)
    const lines = h.running.output().trim().split('\n')
    expect(lines).toEqual([
      expect.stringMatching(/^config: SLACK_BOT_TOKEN is required/),
      expect.stringMatching(/^config: PORT must be a port number/),
      expect.stringMatching(/^config: BOT_NOW must be an ISO 8601 time/),
      expect.stringMatching(/^config: SLACK_SIGNING_SECRET is required in HTTP mode/),
    ])
  })

  it.each([
    ['no CREDENTIALS_KEY', undefined],
    ['another CREDENTIALS_KEY', randomBytes(32).toString('base64')],
  ])(
    'refuses to start with stored SORACOM credentials and %s, in one line, the file untouched',
    async (_, key) => {
      const { file, content } = await dataFileWithLink(h.dir, randomBytes(32))
      h.running = startBotProcess(
        {
          SLACK_BOT_TOKEN: 'xoxb-t',
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          DATA_FILE: file,
          ...(key ? { CREDENTIALS_KEY: key } : {}),
        },
        h.dir,
      )

      expect(await h.running.exited).toBe(1)
      const lines = h.running.output().trim().split('\n')
      expect(lines).toEqual([expect.stringMatching(/^credentials_key: /)])
      expect(lines[0]).toContain(key ? 'cannot be opened with CREDENTIALS_KEY' : 'CREDENTIALS_KEY is not set')
      expect(await readFile(file, 'utf8')).toBe(content)
    },
  )

  it('rotates CREDENTIALS_KEY: keys sealed with CREDENTIALS_KEY_PREVIOUS are sealed again at start-up', async () => {
    const oldKey = randomBytes(32)
    const newKey = randomBytes(32)
    const { file } = await dataFileWithLink(h.dir, oldKey)
    const env = { ...h.httpEnv(file), SORACOM_POLL_MINUTES: '0', CREDENTIALS_KEY: newKey.toString('base64') }
    h.running = startBotProcess({ ...env, CREDENTIALS_KEY_PREVIOUS: oldKey.toString('base64') }, h.dir)
    await waitForOutput(h.running, /listening on/)
    expect(h.running.output()).toContain('CREDENTIALS_KEY_PREVIOUS can go')
    expect(h.running.output()).toContain('OP0123456789/jp')
    for (const secret of [oldKey, newKey].map((k) => k.toString('base64')).concat('secret-x'))
      expect(h.running.output()).not.toContain(secret)
    const [link] = (JSON.parse(await readFile(file, 'utf8')) as { links: Array<{ credentials: string }> })
      .links
    expect(link && openSecret(link.credentials, newKey, linkKey(LINKED))).toBe(SEALED_KEY)
    h.running.child.kill('SIGTERM')
    expect(await h.running.exited).toBe(0)

    // The old key is no longer needed.
    h.running = startBotProcess(env, h.dir)
    await waitForOutput(h.running, /listening on/)
    expect(h.running.output()).not.toContain('credentials_key')
  })

  it('refuses a corrupt data file, naming it, and leaves it as it was', async () => {
    const file = join(h.dir, 'db.json')
    await writeFile(file, 'not json')
    h.running = startBotProcess(
      { SLACK_BOT_TOKEN: 'xoxb-t', SLACK_SIGNING_SECRET: SIGNING_SECRET, DATA_FILE: file },
      h.dir,
    )

    const code = await h.running.exited

    expect(code).toBe(1)
    expect(h.running.output()).toContain(`store_corrupt: Data file ${file} cannot be used`)
    expect(h.running.output()).not.toMatch(/\n\s+at /)
    expect(await readFile(file, 'utf8')).toBe('not json')
  })

  it('serves /direct-debit end to end against a fake Slack API, reading .env and BOT_NOW', async () => {
    const file = join(h.dir, 'data', 'db.json')
    await writeFile(
      join(h.dir, '.env'),
      `SLACK_BOT_TOKEN=xoxb-from-dotenv\nSLACK_SIGNING_SECRET=${SIGNING_SECRET}\n`,
    )
    h.running = startBotProcess(
      { PORT: '0', SLACK_API_URL: h.slack.apiUrl, DATA_FILE: file, BOT_NOW: '2027-05-07T09:00:00+09:00' },
      h.dir,
    )
    const [, port] = await waitForOutput(h.running, LISTENING)
    const url = `http://127.0.0.1:${port}`

    await postSigned(
      url,
      slashCommandForm({
        command: '/direct-debit',
        text: 'OP0123456789',
        responseUrl: h.slack.responseUrl(),
      }),
    )
    const open = await h.slack.waitFor('views.open')
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
    const post = await h.slack.waitFor('chat.postMessage')

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
      h.running = startBotProcess(
        { PORT: '0', SLACK_API_URL: h.slack.apiUrl, DATA_FILE: join(h.dir, 'db.json'), ENV_FILE: envFile },
        h.dir,
      )

      const [, port] = await waitForOutput(h.running, LISTENING)

      await postSigned(
        `http://127.0.0.1:${port}`,
        slashCommandForm({ command: '/billing', text: 'help', responseUrl: h.slack.responseUrl() }),
      )
      const call = await h.slack.waitFor('auth.test')
      expect(call.headers.authorization).toBe('Bearer xoxb-from-env-file')
    } finally {
      await rm(elsewhere, { recursive: true, force: true })
    }
  })

  it('stops with one line when ENV_FILE names no file', async () => {
    h.running = startBotProcess({ ENV_FILE: join(h.dir, 'missing.env') }, h.dir)

    expect(await h.running.exited).toBe(1)
    expect(h.running.output().trim().split('\n')).toEqual([
      expect.stringMatching(/^config: ENV_FILE .*missing\.env does not exist/),
    ])
  })

  it('writes JSON lines only, at LOG_LEVEL, with no secret in them — Bolt\u2019s debug output included', async () => {
    const token = 'xoxb-1111-2222-secretpart'
    h.running = startBotProcess(
      {
        ...h.httpEnv(join(h.dir, 'db.json')),
        SLACK_BOT_TOKEN: token,
        LOG_LEVEL: 'debug',
      },
      h.dir,
    )
    const [, port] = await waitForOutput(h.running, LISTENING)
    await postSigned(
      `http://127.0.0.1:${port}`,
      slashCommandForm({ command: '/billing', text: 'help', responseUrl: h.slack.responseUrl() }),
    )
    await h.slack.waitFor('auth.test')
    await waitForOutput(h.running, /"level":"debug"/)

    const lines = h.running.output().trim().split('\n')
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow()
    expect(h.running.output()).not.toContain('secretpart')
    expect(h.running.output()).not.toContain(SIGNING_SECRET)
  })

  it('says in one line that PORT is in use (HTTP mode), naming the variable — no stack trace (issue 23.4)', async () => {
    const taken = createServer().listen(0, '0.0.0.0')
    await once(taken, 'listening')
    const port = String((taken.address() as AddressInfo).port)
    try {
      h.running = startBotProcess({ ...h.httpEnv(join(h.dir, 'db.json')), PORT: port }, h.dir)

      await expectOneLine(h.running, new RegExp(`^config: PORT ${port} is in use by another process`))
    } finally {
      taken.close()
    }
  })

  it('says in one line that the health port is in use in Socket Mode, instead of crashing on an unhandled error event', async () => {
    const taken = createServer().listen(0, '0.0.0.0')
    await once(taken, 'listening')
    const port = String((taken.address() as AddressInfo).port)
    try {
      h.running = startBotProcess(
        {
          SLACK_BOT_TOKEN: 'xoxb-t',
          SLACK_APP_TOKEN: 'xapp-t',
          SLACK_API_URL: h.slack.apiUrl,
          DATA_FILE: join(h.dir, 'db.json'),
          PORT: port,
        },
        h.dir,
      )

      await expectOneLine(h.running, new RegExp(`^config: PORT ${port} is in use by another process`))
    } finally {
      taken.close()
    }
  })

  it('names DATA_FILE, not a temporary lock file, when its folder cannot be written (a real read-only tmpfs)', async (context) => {
    const disk = await mountTmpfs(join(h.dir, 'ro'))
    if (!disk) return context.skip('needs root to mount a tmpfs')
    try {
      await disk.readOnly()
      const file = join(h.dir, 'ro', 'db.json')
      h.running = startBotProcess(h.httpEnv(file), h.dir)

      await expectOneLine(
        h.running,
        /^store_unwritable: Data file .*ro\/db\.json cannot be written \(EROFS\)/,
      )
      expect(h.running.output()).not.toContain('.tmp')
    } finally {
      await disk.readWrite()
      disk.unmount()
    }
  })

  it('stops with one line naming SLACK_BOT_TOKEN when Slack refuses the token, instead of retrying it as "not reachable"', async () => {
    h.slack.on('auth.test', () => ({ body: { ok: false, error: 'invalid_auth' } }))
    h.running = startBotProcess(h.httpEnv(join(h.dir, 'db.json')), h.dir)

    await expectOneLine(h.running, /^config: SLACK_BOT_TOKEN was refused by Slack \(invalid_auth\)/)
    expect(h.slack.callsTo('auth.test')).toHaveLength(1)
    expect(h.running.output()).not.toContain('not reachable yet')
  })

  it('prints the address it bound (every interface), not a loopback address it does not limit itself to', async () => {
    const { bot } = await h.startHttpBot(join(h.dir, 'db.json'))

    expect(bot.output()).toMatch(/listening on http:\/\/(\[::\]|0\.0\.0\.0):\d+\/slack\/events/)
  })

  it('starts and serves while Slack does not answer auth.test, /healthz saying "not ready" until it does', async () => {
    h.slack.hang('auth.test')
    const { url } = await h.startHttpBot(join(h.dir, 'db.json'))

    const health = await fetch(`${url}/healthz`)

    expect(health.status).toBe(503)
    expect(await health.json()).toMatchObject({ ok: false, store: true, slack: 'not ready' })
    const help = await postSigned(
      url,
      slashCommandForm({ command: '/billing', text: 'help', responseUrl: h.slack.responseUrl() }),
    )
    expect(help.text).toContain('請求サポートでできること')
    h.slack.unhang('auth.test')
  })
})
