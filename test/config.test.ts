import { describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.js'

const base = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' }

describe('loadConfig', () => {
  it('defaults to HTTP mode on port 3000 with data/db.json', () => {
    expect(loadConfig(base)).toEqual({
      ok: true,
      config: {
        botToken: 'xoxb-1',
        mode: { kind: 'http', signingSecret: 'secret', port: 3000 },
        dataFile: 'data/db.json',
        logLevel: 'info',
        access: { admins: [] },
        soracom: {
          jpUrl: 'https://api.soracom.io/v1',
          globalUrl: 'https://g.api.soracom.io/v1',
          pollMinutes: 60,
        },
      },
    })
  })

  it('DATABASE_URL selects PostgreSQL with a bounded pool; a URL that is not PostgreSQL is refused in one line', () => {
    const result = loadConfig({
      ...base,
      DATABASE_URL: 'postgres://bot:pw@db.example/billing',
      DATABASE_POOL_MAX: '4',
    })
    expect(result.ok && result.config.database).toEqual({
      url: 'postgres://bot:pw@db.example/billing',
      poolMax: 4,
      leaseSeconds: 120,
    })
    const defaults = loadConfig({ ...base, DATABASE_URL: 'postgresql://db.example/billing' })
    expect(defaults.ok && defaults.config.database?.poolMax).toBe(10)
    const wrong = loadConfig({ ...base, DATABASE_URL: 'mysql://db.example/billing' })
    expect(wrong.ok).toBe(false)
    if (!wrong.ok)
      expect(wrong.problems).toEqual([expect.stringMatching(/^DATABASE_URL must be a PostgreSQL URL/)])
  })

  it('reads the SORACOM settings: API URLs, the poll interval and a 32-byte CREDENTIALS_KEY', () => {
    const key = Buffer.alloc(32, 7).toString('base64')
    const result = loadConfig({
      ...base,
      SORACOM_API_URL: 'http://127.0.0.1:5000/v1/',
      SORACOM_GLOBAL_API_URL: 'http://127.0.0.1:5001/v1',
      SORACOM_POLL_MINUTES: '0',
      CREDENTIALS_KEY: key,
    })
    expect(result.ok && result.config.soracom).toEqual({
      jpUrl: 'http://127.0.0.1:5000/v1',
      globalUrl: 'http://127.0.0.1:5001/v1',
      pollMinutes: 0,
      credentialsKey: Buffer.alloc(32, 7),
    })
  })

  it('refuses a CREDENTIALS_KEY that is not 32 bytes of base64, saying how to make one', () => {
    const result = loadConfig({ ...base, CREDENTIALS_KEY: 'too-short' })
    expect(result.ok ? [] : result.problems).toEqual([
      expect.stringMatching(/^CREDENTIALS_KEY .*openssl rand -base64 32/),
    ])
  })

  it('reads CREDENTIALS_KEY_PREVIOUS for a rotation, and refuses it without the new key', () => {
    const rotating = loadConfig({
      ...base,
      CREDENTIALS_KEY: Buffer.alloc(32, 7).toString('base64'),
      CREDENTIALS_KEY_PREVIOUS: Buffer.alloc(32, 3).toString('base64'),
    })
    expect(rotating.ok && rotating.config.soracom.previousCredentialsKey).toEqual(Buffer.alloc(32, 3))

    const alone = loadConfig({ ...base, CREDENTIALS_KEY_PREVIOUS: Buffer.alloc(32, 3).toString('base64') })
    expect(alone.ok ? [] : alone.problems).toEqual([
      expect.stringMatching(/^CREDENTIALS_KEY_PREVIOUS is set without CREDENTIALS_KEY/),
    ])
    const malformed = loadConfig({
      ...base,
      CREDENTIALS_KEY: Buffer.alloc(32, 7).toString('base64'),
      CREDENTIALS_KEY_PREVIOUS: 'short',
    })
    expect(malformed.ok ? [] : malformed.problems).toEqual([
      expect.stringMatching(/^CREDENTIALS_KEY_PREVIOUS .*openssl rand -base64 32/),
    ])
  })

  it('runs in Socket Mode when an app token is set, without a signing secret', () => {
    const result = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })
    expect(result.ok && result.config.mode).toEqual({ kind: 'socket', appToken: 'xapp-1', port: 3000 })
  })

  it('reads PORT, SLACK_API_URL (adding the trailing slash), DATA_FILE and BOT_NOW', () => {
    const result = loadConfig({
      ...base,
      PORT: '4100',
      SLACK_API_URL: 'http://127.0.0.1:4000/api',
      DATA_FILE: '/tmp/x.json',
      BOT_NOW: '2027-05-07T09:00:00+09:00',
    })
    expect(result.ok && result.config).toMatchObject({
      mode: { port: 4100 },
      slackApiUrl: 'http://127.0.0.1:4000/api/',
      dataFile: '/tmp/x.json',
      botNow: new Date('2027-05-07T00:00:00Z'),
    })
  })

  it('treats blank values as unset', () => {
    const result = loadConfig({ ...base, PORT: '', SLACK_APP_TOKEN: ' ' })
    expect(result.ok && result.config.mode).toEqual({ kind: 'http', signingSecret: 'secret', port: 3000 })
  })

  it('reports every problem, one line each, naming the variable and what to put there', () => {
    const result = loadConfig({ SLACK_BOT_TOKEN: 'xoxp-user', PORT: 'eighty', BOT_NOW: 'tomorrow' })
    expect(result.ok).toBe(false)
    const problems = result.ok ? [] : result.problems
    expect(problems).toHaveLength(4)
    expect(problems.find((p) => p.startsWith('SLACK_BOT_TOKEN '))).toContain('xoxb-')
    expect(problems.find((p) => p.startsWith('SLACK_SIGNING_SECRET '))).toContain('Basic Information')
    expect(problems.find((p) => p.startsWith('PORT '))).toContain('port number')
    expect(problems.find((p) => p.startsWith('BOT_NOW '))).toContain('ISO 8601')
  })

  it('says the bot token is required when it is missing', () => {
    const result = loadConfig({ SLACK_SIGNING_SECRET: 's' })
    expect(result.ok ? [] : result.problems).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN is required/)])
  })
})

describe('LOG_LEVEL', () => {
  it('takes debug, info, warn or error, and refuses anything else in one line', () => {
    const base = { SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: 's' }
    expect(loadConfig({ ...base, LOG_LEVEL: 'debug' })).toMatchObject({
      ok: true,
      config: { logLevel: 'debug' },
    })
    const refused = loadConfig({ ...base, LOG_LEVEL: 'verbose' })
    expect(refused.ok).toBe(false)
    expect(refused.ok ? [] : refused.problems).toEqual([
      expect.stringMatching(/^LOG_LEVEL must be one of debug, info, warn, error/),
    ])
  })
})

describe('OAuth distribution (issue 26)', () => {
  const oauth = {
    SLACK_CLIENT_ID: '1111111111.2222222222',
    SLACK_CLIENT_SECRET: 'secret',
    SLACK_STATE_SECRET: 'a-state-secret-of-at-least-32-characters',
    APP_BASE_URL: 'https://billing-bot.example.com/',
    SLACK_SIGNING_SECRET: 's',
    CREDENTIALS_KEY: Buffer.alloc(32, 7).toString('base64'),
  }

  it('serves many workspaces with the four OAuth variables and no bot token', () => {
    const result = loadConfig(oauth)
    expect(result).toMatchObject({
      ok: true,
      config: {
        oauth: {
          clientId: oauth.SLACK_CLIENT_ID,
          stateSecret: oauth.SLACK_STATE_SECRET,
          baseUrl: 'https://billing-bot.example.com',
        },
      },
    })
    expect(result.ok ? result.config.botToken : 'failed').toBeUndefined()
  })

  it('names what is missing or in conflict, one line each', () => {
    const { APP_BASE_URL: _, CREDENTIALS_KEY: __, ...partial } = oauth
    const result = loadConfig({ ...partial, SLACK_BOT_TOKEN: 'xoxb-x', SLACK_APP_TOKEN: 'xapp-x' })
    const problems = result.ok ? [] : result.problems
    expect(problems).toEqual([
      expect.stringMatching(/^APP_BASE_URL is required with SLACK_CLIENT_ID/),
      expect.stringMatching(/^SLACK_BOT_TOKEN is set with the OAuth variables/),
      expect.stringMatching(
        /^SLACK_APP_TOKEN is set with the OAuth variables: OAuth distribution needs HTTP mode/,
      ),
      expect.stringMatching(/^CREDENTIALS_KEY is required with the OAuth variables/),
    ])
  })

  it('refuses a short state secret', () => {
    const result = loadConfig({ ...oauth, SLACK_STATE_SECRET: 'short' })
    expect(result.ok ? [] : result.problems).toEqual([
      expect.stringMatching(/^SLACK_STATE_SECRET must be at least 32/),
    ])
  })
})
