import { SocketModeReceiver } from '@slack/bolt'
import { describe, expect, it } from 'vitest'
import { createRenderer } from '../../src/render/templates.js'
import { createSlackApp } from '../../src/slack/app.js'
import { FakeSlack } from '../support/fake-slack.js'
import { MemoryReminders } from '../support/memory-reminders.js'

describe('createSlackApp', () => {
  it('builds a Socket Mode app when an app token is configured (nothing connects until start)', async () => {
    const slack = await new FakeSlack().start()
    const reminders = new MemoryReminders()
    const unused = () => {
      throw new Error('not used when building')
    }
    const store = new Proxy({} as never, { get: () => unused })
    const { app } = createSlackApp(
      {
        botToken: 'xoxb-test',
        mode: { kind: 'socket', appToken: 'xapp-test' },
        slackApiUrl: slack.apiUrl,
        dataFile: 'unused.json',
        access: { admins: [] },
      },
      {
        tickets: store,
        checklists: store,
        reminders,
        subscriptions: store,
        operators: store,
        clock: { now: () => new Date() },
        newId: () => 'X',
        renderer: createRenderer(),
        isHealthy: async () => true,
      },
      { retryConfig: { retries: 0 } },
    )

    expect((app as unknown as { receiver: unknown }).receiver).toBeInstanceOf(SocketModeReceiver)
    await slack.waitFor('auth.test')
    await slack.stop()
  })
})
