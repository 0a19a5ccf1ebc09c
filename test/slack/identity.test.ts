import { WebClient } from '@slack/web-api'
import { afterEach, describe, expect, it } from 'vitest'
import { SlackIdentity } from '../../src/slack/identity.js'
import { FakeSlack } from '../support/fake-slack.js'

describe('the bot identity (auth.test at start-up)', () => {
  let slack: FakeSlack
  afterEach(async () => {
    await slack.stop()
  })

  it('retries with backoff while Slack fails, logging each try, and is ready once Slack answers', async () => {
    slack = await new FakeSlack().start()
    slack.failNext('auth.test', { status: 503, body: { ok: false } }, { status: 503, body: { ok: false } })
    const warnings: Array<Record<string, unknown>> = []
    const logger = {
      info: () => undefined,
      warn: (_m: string, f?: object) => warnings.push({ ...f }),
      error: () => undefined,
    }
    const client = new WebClient('xoxb-t', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } })
    const identity = new SlackIdentity(client, logger, { first: 10, max: 20 })

    expect(identity.ready).toBe(false)
    await identity.connect()

    expect(identity.ready).toBe(true)
    expect(identity.identity.teamId).toBeDefined()
    expect(warnings.map((w) => w.attempt)).toEqual([1, 2])
    expect(slack.callsTo('auth.test')).toHaveLength(3)
  })
})
