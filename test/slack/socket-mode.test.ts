import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LogLevel } from '@slack/bolt'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type WebSocket, WebSocketServer } from 'ws'
import { createBot } from '../../src/bot.js'
import { createLogger } from '../../src/logger.js'
import { openStore, type Store } from '../../src/store/index.js'
import { eventually } from '../support/eventually.js'
import { FakeSlack } from '../support/fake-slack.js'

/**
 * A small stand-in for Slack's Socket Mode endpoint: `hello` on connect, envelopes sent on demand,
 * acks (by envelope_id) collected, and `disconnect` with `refresh_requested` on demand.
 */
class FakeSocketSlack {
  readonly server: WebSocketServer
  readonly acks = new Map<string, unknown>()
  connections = 0
  private current: WebSocket | undefined

  constructor() {
    this.server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
    this.server.on('connection', (socket) => {
      this.connections += 1
      this.current = socket
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown }
        if (message.envelope_id) this.acks.set(message.envelope_id, message.payload ?? null)
      })
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0BOT' } }))
    })
  }

  get url(): string {
    const address = this.server.address()
    return `ws://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/link`
  }

  send(envelope: object): void {
    this.current?.send(JSON.stringify(envelope))
  }

  async close(): Promise<void> {
    for (const client of this.server.clients) client.terminate()
    await new Promise((resolve) => this.server.close(resolve))
  }
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  return typeof address === 'object' && address ? address.port : 0
}

describe('Socket Mode', () => {
  let slack: FakeSlack
  let socket: FakeSocketSlack
  let dir: string
  let store: Store
  let stopApp: () => Promise<unknown> = async () => undefined

  beforeEach(async () => {
    slack = await new FakeSlack().start()
    socket = new FakeSocketSlack()
    await new Promise((resolve) => socket.server.once('listening', resolve))
    slack.on('apps.connections.open', () => ({ body: { ok: true, url: socket.url } }))
    dir = await mkdtemp(join(tmpdir(), 'socket-'))
    store = await openStore(join(dir, 'db.json'))
  })
  afterEach(async () => {
    await stopApp()
    await store.close()
    await socket.close()
    await slack.stop()
    await rm(dir, { recursive: true, force: true })
  })

  async function startSocketBot(port: number) {
    const logger = createLogger({ write: () => undefined })
    const bot = createBot({
      config: {
        botToken: 'xoxb-test',
        mode: { kind: 'socket', appToken: 'xapp-test', port },
        slackApiUrl: slack.apiUrl,
        dataFile: join(dir, 'db.json'),
        logLevel: 'info',
        access: { admins: [] },
        soracom: { jpUrl: 'http://127.0.0.1:9/v1', globalUrl: 'http://127.0.0.1:9/v1', pollMinutes: 0 },
      },
      store,
      clock: { now: () => new Date('2026-11-26T10:00:00+09:00') },
      newId: () => 'T0001',
      logger,
      retryConfig: { retries: 0 },
      logLevel: LogLevel.ERROR,
    })
    await bot.app.start()
    await bot.identity?.connect()
    stopApp = () => bot.app.stop()
    return bot
  }

  it('answers a slash command sent as an envelope, acking it by envelope_id with the reply', async () => {
    await startSocketBot(await freePort())
    await eventually(() => expect(socket.connections).toBe(1))

    socket.send({
      envelope_id: 'env-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        command: '/billing',
        text: 'help',
        user_id: 'U0ALICE',
        channel_id: 'C0BILLING',
        team_id: 'T000TEST',
        trigger_id: 'trigger.1',
        response_url: slack.responseUrl(),
      },
    })

    await eventually(() => expect(socket.acks.has('env-1')).toBe(true))
    expect(JSON.stringify(socket.acks.get('env-1'))).toContain('請求サポートでできること')
  })

  it('stays up through a refresh_requested reconnect while apps.connections.open fails for 15 s, /healthz on PORT telling the state', async () => {
    const port = await freePort()
    await startSocketBot(port)
    await eventually(() => expect(socket.connections).toBe(1))
    const health = async () =>
      (await fetch(`http://127.0.0.1:${port}/healthz`)).json() as Promise<{ socket: string }>
    await eventually(async () => expect((await health()).socket).toBe('connected'))

    const failUntil = Date.now() + 15_000
    slack.on('apps.connections.open', () =>
      Date.now() < failUntil ? { status: 503, body: { ok: false } } : { body: { ok: true, url: socket.url } },
    )
    socket.send({ type: 'disconnect', reason: 'refresh_requested' })

    await eventually(async () => expect((await health()).socket).not.toBe('connected'))
    await eventually(() => expect(socket.connections).toBe(2), 40_000)
    expect(Date.now()).toBeGreaterThanOrEqual(failUntil)
    expect(slack.callsTo('apps.connections.open').length).toBeGreaterThan(2)
    await eventually(async () => expect((await health()).socket).toBe('connected'))
  }, 60_000)
})
