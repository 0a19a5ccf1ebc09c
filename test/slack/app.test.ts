import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LogLevel } from '@slack/bolt'
import { describe, expect, it } from 'vitest'
import { createBot } from '../../src/bot.js'
import { createLogger } from '../../src/logger.js'
import { openStore } from '../../src/store/index.js'
import { FakeSlack } from '../support/fake-slack.js'

describe('createBot', () => {
  it('builds a Socket Mode app from an app token alone, with no signing secret (nothing connects until start)', async () => {
    const slack = await new FakeSlack().start()
    const dir = await mkdtemp(join(tmpdir(), 'billing-bot-'))
    const store = await openStore(join(dir, 'db.json'))
    const logger = createLogger({ write: () => undefined })

    const build = () =>
      createBot({
        config: {
          botToken: 'xoxb-test',
          mode: { kind: 'socket', appToken: 'xapp-test', port: 0 },
          slackApiUrl: slack.apiUrl,
          dataFile: join(dir, 'db.json'),
          logLevel: 'info',
          access: { admins: [] },
          soracom: { jpUrl: 'http://127.0.0.1:9/v1', globalUrl: 'http://127.0.0.1:9/v1', pollMinutes: 0 },
        },
        store,
        clock: { now: () => new Date() },
        newId: () => 'X',
        logger,
        retryConfig: { retries: 0 },
        logLevel: LogLevel.ERROR,
      })

    expect(build).not.toThrow()
    await new Promise((r) => setTimeout(r, 50))
    expect(slack.calls).toEqual([])
    await store.close()
    await slack.stop()
    await rm(dir, { recursive: true, force: true })
  })
})
