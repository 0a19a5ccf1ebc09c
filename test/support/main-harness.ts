import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect } from 'vitest'
import { linkKey } from '../../src/domain/soracom-link.js'
import { sealSecret } from '../../src/soracom/credentials.js'
import { DB_SCHEMA_VERSION } from '../../src/store/schema.js'
import { type BotProcess, LISTENING, startBotProcess, waitForOutput } from './bot-process.js'
import { FakeSlack } from './fake-slack.js'
import { postSigned, SIGNING_SECRET, slashCommandForm, viewSubmissionForm } from './slack-request.js'

/**
 * What every test of the real process needs (test/main*.test.ts): a temporary folder, a fake
 * Slack, and the bot it started — killed, and all removed, after each test.
 */
export function mainHarness() {
  const h = {
    dir: '',
    slack: undefined as unknown as FakeSlack,
    running: undefined as BotProcess | undefined,
    /** The environment of a bot in HTTP mode on a free port against the fake Slack. */
    httpEnv: (file: string) => ({
      SLACK_BOT_TOKEN: 'xoxb-t',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: h.slack.apiUrl,
      DATA_FILE: file,
      PORT: '0',
    }),
    /** The built bot (dist/main.js, as npm start and the Dockerfile run it) on a free port; resolves with its URL. */
    async startHttpBot(file: string): Promise<{ url: string; bot: BotProcess }> {
      const bot = startBotProcess(h.httpEnv(file), h.dir)
      h.running = bot
      const [, port] = await waitForOutput(bot, LISTENING)
      return { url: `http://127.0.0.1:${port}`, bot }
    },
    /** `/direct-debit`, then its modal submitted with valid answers; resolves with the HTTP answer. */
    async submitDirectDebit(url: string, beforeSubmit: () => void = () => undefined) {
      await postSigned(
        url,
        slashCommandForm({ command: '/direct-debit', responseUrl: h.slack.responseUrl() }),
      )
      const open = await h.slack.waitFor('views.open')
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
    },
  }
  beforeEach(async () => {
    h.dir = await mkdtemp(join(tmpdir(), 'main-'))
    h.slack = await new FakeSlack().start()
  })
  afterEach(async () => {
    h.running?.child.kill('SIGKILL')
    h.running = undefined
    await h.slack.stop()
    await rm(h.dir, { recursive: true, force: true })
  })
  return h
}

export const LINKED = { operatorId: 'OP0123456789', coverage: 'jp' as const }
export const SEALED_KEY = '{"authKeyId":"keyId-x","authKey":"secret-x"}'

/** A data file holding one linked operator, its auth key sealed with `sealedWith`. */
export async function dataFileWithLink(
  dir: string,
  sealedWith: Buffer,
): Promise<{ file: string; content: string }> {
  const file = join(dir, 'db.json')
  const content = JSON.stringify({
    schemaVersion: DB_SCHEMA_VERSION,
    workspaces: {},
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

/** The bot's output is exactly one line matching `line`, with no stack trace, and it exited 1. */
export async function expectOneLine(bot: BotProcess, line: RegExp) {
  expect(await bot.exited).toBe(1)
  const lines = bot
    .output()
    .trim()
    .split('\n')
    .filter((l) => !l.startsWith('{'))
  expect(lines).toEqual([expect.stringMatching(line)])
  expect(bot.output()).not.toMatch(/^\s+at /m)
}
