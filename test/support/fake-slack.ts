import { once } from 'node:events'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { violationsOf } from './slack-limits.js'

/** One Web API call (or response_url post) the bot made, with its arguments decoded. */
export interface SlackCall {
  method: string
  args: Record<string, unknown>
  headers: Record<string, string | string[] | undefined>
  /** When the call arrived (performance.now(): elapsed time, whatever the clocks say). */
  at: number
  /** What the fake answered (once it has). */
  reply?: Record<string, unknown>
}

/** A canned reply: a Slack body (`{ ok: false, error }`), or an HTTP status with headers. */
export interface FakeReply {
  status?: number
  headers?: Record<string, string>
  body?: Record<string, unknown>
}

type Handler = (call: SlackCall) => FakeReply | undefined

/** A workspace as the fake Slack knows it (its installs get tokens of their own). */
export interface FakeTeam {
  id: string
  name: string
  /** Its Enterprise Grid org, when it is in one. */
  enterpriseId?: string
  /** The installer chose the whole org (an org-wide install). */
  orgWide?: boolean
}

/** The app's OAuth credentials the fake Slack expects on oauth.v2.access. */
export const FAKE_OAUTH_APP = {
  clientId: '1111111111.2222222222',
  clientSecret: 'fake-client-secret-0123456789',
} as const

/** The token a call carries: `Authorization: Bearer …`, or a `token` argument. */
export function tokenOf(call: SlackCall): string | undefined {
  const header = call.headers.authorization
  const bearer = typeof header === 'string' ? /^Bearer (\S+)$/.exec(header)?.[1] : undefined
  return bearer ?? (typeof call.args.token === 'string' ? call.args.token : undefined)
}

/**
 * A local stand-in for the Slack Web API: answers on 127.0.0.1, records every call, and can be told
 * to fail a method. The bot reaches it through `clientOptions.slackApiUrl`; `response_url`s point at
 * `/response/<id>` on the same server.
 */
export class FakeSlack {
  readonly calls: SlackCall[] = []
  /** Payloads real Slack would refuse; `stop()` fails the test that caused any. */
  readonly violations: string[] = []
  /** Slack's clock, for scheduling limits: tests with a fixed bot clock set the same here. */
  now: () => number = () => Date.now()

  /** `validate: false` only for the benchmark, where decoding every call would cost the fake. */
  /**
   * `waitTimeoutMs`: how long `waitFor` waits by default (8 s: a test fails fast; the demo, which
   * restarts the bot and waits on its checks, gives a loaded machine longer).
   */
  constructor(private readonly options: { validate?: boolean; waitTimeoutMs?: number } = {}) {}
  private server: Server | undefined
  private base = ''
  private seq = 0
  private readonly hanging = new Set<string>()
  private readonly hangingTeams = new Set<string>()
  private readonly held: ServerResponse[] = []
  private readonly delays = new Map<string, number>()
  private readonly queued = new Map<string, FakeReply[]>()
  private readonly handlers = new Map<string, Handler>()
  private readonly waiters: Array<() => void> = []
  /** Codes an install may exchange once (oauth.v2.access), and the tokens issued for them. */
  private readonly codes = new Map<string, { team: FakeTeam; redirectUri: string }>()
  private readonly issued = new Map<string, { team: FakeTeam; revoked: boolean }>()
  /** Files asked for (files.getUploadURLExternal), their bytes once sent to the upload URL. */
  private readonly pendingFiles = new Map<string, { filename: string; length: number; bytes?: Buffer }>()
  /** Files shared (files.completeUploadExternal): where, and the bytes Slack received. */
  readonly uploads: Array<{
    fileId: string
    filename: string
    title: string
    channel: string
    threadTs?: string
    bytes: Buffer
  }> = []
  /** Messages Slack would still deliver: what chat.scheduledMessages.list answers. */
  readonly scheduled = new Map<string, { id: string; channel_id: string; post_at: number; text: string }>()

  get apiUrl(): string {
    return `${this.base}/api/`
  }

  responseUrl(id = 'cmd'): string {
    return `${this.base}/response/${id}`
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500)
        res.end(String(error))
      })
    })
    this.server.listen(0, '127.0.0.1')
    await once(this.server, 'listening')
    const { port } = this.server.address() as AddressInfo
    this.base = `http://127.0.0.1:${port}`
    return this
  }

  async stop(): Promise<void> {
    if (!this.server) return
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server?.close(() => resolve()))
    this.server = undefined
    if (this.violations.length > 0) {
      throw new Error(`The bot sent payloads real Slack would refuse:\n${this.violations.join('\n')}`)
    }
  }

  /** Checks a payload the bot returned directly (an ack with blocks), as Slack would. */
  checkResponse(method: string, body: unknown): void {
    if (this.options.validate === false || typeof body !== 'object' || body === null) return
    this.violations.push(...violationsOf(method, body as Record<string, unknown>, this.now() / 1000))
  }

  /** Calls to `method` are recorded and never answered (a hanging Slack), until `unhang`. */
  hang(method: string): void {
    this.hanging.add(method)
  }

  /** Every call made with a token of `teamId` is recorded and never answered, until `unhang`. */
  hangTeam(teamId: string): void {
    this.hangingTeams.add(teamId)
  }

  /** Stops hanging `method`; the calls held so far fail at once (their connection is cut). */
  unhang(method: string): void {
    this.hanging.delete(method)
    this.hangingTeams.delete(method)
    for (const res of this.held.splice(0)) res.destroy()
  }

  /** The next call(s) to `method` get these replies, in order; later calls get the default. */
  failNext(method: string, ...replies: FakeReply[]): void {
    this.queued.set(method, [...(this.queued.get(method) ?? []), ...replies])
  }

  /** Calls to `method` are recorded at once and answered `ms` later (a slow Slack). */
  delay(method: string, ms: number): void {
    this.delays.set(method, ms)
  }

  /** Replaces the default answer of `method` (return undefined to fall back to the default). */
  on(method: string, handler: Handler): void {
    this.handlers.set(method, handler)
  }

  /**
   * What Slack's authorize page does when the user clicks "Allow" for `team`: a one-time code for
   * the redirect. `authorizeUrl` is the bot's redirect to Slack (its `redirect_uri` is checked).
   */
  authorize(authorizeUrl: string, team: FakeTeam): string {
    const url = new URL(authorizeUrl)
    if (url.searchParams.get('client_id') !== FAKE_OAUTH_APP.clientId) throw new Error('wrong client_id')
    const code = `code-${team.id}-${++this.seq}`
    this.codes.set(code, { team, redirectUri: url.searchParams.get('redirect_uri') ?? '' })
    return code
  }

  /** The workspace a call's token was issued for (undefined: not an OAuth token). */
  teamOf(call: SlackCall): string | undefined {
    const token = tokenOf(call)
    return token ? this.issued.get(token)?.team.id : undefined
  }

  /** The tokens issued to `teamId` stop working (the app was uninstalled there). */
  revoke(teamId: string): void {
    for (const t of this.issued.values()) if (t.team.id === teamId) t.revoked = true
  }

  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method)
  }

  /** Resolves with the `count`-th call to `method` matching `predicate`, waiting up to `timeoutMs`. */
  async waitFor(
    method: string,
    predicate: (call: SlackCall) => boolean = () => true,
    { count = 1, timeoutMs = this.options.waitTimeoutMs ?? 8000 } = {},
  ): Promise<SlackCall> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const matching = this.callsTo(method).filter(predicate)
      const found = matching[count - 1]
      if (found) return found
      const left = deadline - Date.now()
      if (left <= 0) {
        throw new Error(
          `No call #${count} to ${method} within ${timeoutMs} ms; calls: ${this.calls.map((c) => c.method).join(', ')}`,
        )
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200))
        this.waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.base)
    if (url.pathname.startsWith('/upload/'))
      return this.receiveFile(url.pathname.slice('/upload/'.length), req, res)
    const raw = await readBody(req)
    const method = url.pathname.startsWith('/api/')
      ? url.pathname.slice('/api/'.length)
      : url.pathname.startsWith('/response/')
        ? 'response_url'
        : url.pathname
    // Arguments are decoded when a test reads them, not on every call: under benchmark load the
    // fake should cost as little as possible.
    let decoded: Record<string, unknown> | undefined
    const contentType = req.headers['content-type']
    const call: SlackCall = {
      method,
      get args() {
        decoded ??= decodeArgs(raw, contentType)
        return decoded
      },
      headers: req.headers,
      at: performance.now(),
    }
    this.calls.push(call)
    for (const wake of this.waiters.splice(0)) wake()
    if (this.options.validate !== false) {
      const problems = violationsOf(method, call.args, this.now() / 1000)
      if (problems.length > 0) {
        this.violations.push(...problems)
        const error = method.startsWith('views.')
          ? 'invalid_arguments'
          : problems.some((p) => p.includes('text ')) && !problems.some((p) => p.includes('blocks['))
            ? 'msg_too_long'
            : 'invalid_blocks'
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ ok: false, error, response_metadata: { messages: problems } }))
        return
      }
    }
    // A token issued through OAuth answers only while its install lasts; one never issued is refused.
    const token = tokenOf(call)
    if (token?.startsWith('xoxb-oauth-')) {
      const known = this.issued.get(token)
      if (!known || known.revoked) {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ ok: false, error: known ? 'token_revoked' : 'invalid_auth' }))
        return
      }
    }
    if (this.hanging.has(method) || this.hangingTeams.has(this.teamOf(call) ?? '')) {
      this.held.push(res)
      return
    }
    const delay = this.delays.get(method)
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay))

    const queued = this.queued.get(method)
    const reply = queued?.shift() ?? this.handlers.get(method)?.(call) ?? this.defaultReply(call)
    call.reply = reply.body ?? { ok: true }
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers })
    res.end(JSON.stringify(call.reply))
  }

  private defaultReply(call: SlackCall): FakeReply {
    // Decoded only by the answers that need an argument.
    const a = new Proxy({} as Record<string, unknown>, { get: (_target, key) => call.args[String(key)] })
    this.seq += 1
    const ts = `1700000000.${String(this.seq).padStart(6, '0')}`
    switch (call.method) {
      case 'oauth.v2.access':
        return this.exchange(a)
      case 'auth.revoke': {
        const token = tokenOf(call)
        const known = token ? this.issued.get(token) : undefined
        if (known) known.revoked = true
        return { body: { ok: true, revoked: true } }
      }
      case 'auth.test': {
        const own = this.issued.get(tokenOf(call) ?? '')
        if (own)
          return {
            body: {
              ok: true,
              url: `https://${own.team.id.toLowerCase()}.slack.com/`,
              team: own.team.name,
              user: 'billing-bot',
              team_id: own.team.id,
              user_id: `UBOT${own.team.id}`,
              bot_id: `BBOT${own.team.id}`,
              ...(own.team.enterpriseId ? { enterprise_id: own.team.enterpriseId } : {}),
              is_enterprise_install: own.team.orgWide === true,
            },
          }
        return {
          body: {
            ok: true,
            url: 'https://test.slack.com/',
            team: 'Test',
            user: 'billing-bot',
            team_id: 'T000TEST',
            user_id: 'UBOT',
            bot_id: 'BBOT',
          },
        }
      }
      case 'views.open':
      case 'views.update':
      case 'views.push':
      case 'views.publish':
        return { body: { ok: true, view: { id: `V${this.seq}` } } }
      case 'chat.postMessage':
        return {
          body: { ok: true, channel: dmOf(a.channel), ts, message: { text: a.text, blocks: a.blocks } },
        }
      case 'chat.update':
        return { body: { ok: true, channel: a.channel, ts: a.ts } }
      case 'chat.postEphemeral':
        return { body: { ok: true, message_ts: ts } }
      case 'chat.scheduleMessage': {
        const id = `Q${this.seq}`
        const channel = dmOf(a.channel)
        this.scheduled.set(id, {
          id,
          channel_id: channel,
          post_at: Number(a.post_at),
          text: String(a.text ?? ''),
        })
        return { body: { ok: true, channel, scheduled_message_id: id, post_at: Number(a.post_at) } }
      }
      case 'chat.deleteScheduledMessage': {
        const id = String(a.scheduled_message_id)
        if (!this.scheduled.delete(id)) return { body: { ok: false, error: 'invalid_scheduled_message_id' } }
        return { body: { ok: true } }
      }
      case 'chat.scheduledMessages.list': {
        const list = [...this.scheduled.values()].filter((m) => !a.channel || m.channel_id === a.channel)
        return { body: { ok: true, scheduled_messages: list, response_metadata: { next_cursor: '' } } }
      }
      case 'files.getUploadURLExternal': {
        const length = Number(a.length)
        if (typeof a.filename !== 'string' || a.filename === '' || !Number.isInteger(length) || length <= 0)
          return { body: { ok: false, error: 'invalid_arguments' } }
        const id = `F${this.seq}`
        this.pendingFiles.set(id, { filename: a.filename, length })
        return { body: { ok: true, upload_url: `${this.base}/upload/${id}`, file_id: id } }
      }
      case 'files.completeUploadExternal':
        return this.completeUpload(a)
      case 'conversations.open':
        return { body: { ok: true, channel: { id: `D${String(a.users ?? '').replace(/^U/, '')}` } } }
      default:
        return { body: { ok: true } }
    }
  }

  /** The upload URL: the bytes of a file asked for, exactly as long as announced. */
  private async receiveFile(id: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    // The Web API client posts the file as multipart form data (one part); raw bytes are fine too.
    const bytes = fileOfUpload(Buffer.concat(chunks), req.headers['content-type'])
    const pending = this.pendingFiles.get(id)
    this.calls.push({
      method: 'upload',
      args: { id, length: bytes.length },
      headers: req.headers,
      at: performance.now(),
    })
    if (!pending || pending.length !== bytes.length) {
      this.violations.push(
        `upload ${id}: ${pending ? `${bytes.length} bytes, announced ${pending.length}` : 'unknown file'}`,
      )
      res.writeHead(400)
      res.end('bad upload')
      return
    }
    pending.bytes = bytes
    res.writeHead(200, { 'content-type': 'text/plain' })
    res.end(`OK - ${bytes.length}`)
  }

  /** files.completeUploadExternal: every file uploaded first; shared into a channel (and a thread) given by ID. */
  private completeUpload(a: Record<string, unknown>): FakeReply {
    const files = a.files
    if (!Array.isArray(files) || files.length === 0)
      return { body: { ok: false, error: 'invalid_arguments' } }
    const channel = typeof a.channel_id === 'string' ? a.channel_id : undefined
    if (channel !== undefined && !/^[CGD][A-Z0-9]+$/.test(channel)) {
      this.violations.push(`files.completeUploadExternal: channel_id ${channel} is not a channel ID`)
      return { body: { ok: false, error: 'invalid_channel' } }
    }
    const done = []
    for (const file of files as Array<{ id?: string; title?: string }>) {
      const pending = this.pendingFiles.get(String(file.id))
      if (!pending?.bytes) return { body: { ok: false, error: 'file_not_found' } }
      this.pendingFiles.delete(String(file.id))
      if (channel)
        this.uploads.push({
          fileId: String(file.id),
          filename: pending.filename,
          title: String(file.title ?? pending.filename),
          channel,
          ...(typeof a.thread_ts === 'string' ? { threadTs: a.thread_ts } : {}),
          bytes: pending.bytes,
        })
      done.push({ id: file.id, title: file.title ?? pending.filename })
    }
    return { body: { ok: true, files: done } }
  }

  /** oauth.v2.access as Slack answers it: the code once, the app's own credentials and redirect. */
  private exchange(a: Record<string, unknown>): FakeReply {
    if (a.client_id !== FAKE_OAUTH_APP.clientId) return { body: { ok: false, error: 'invalid_client_id' } }
    if (a.client_secret !== FAKE_OAUTH_APP.clientSecret)
      return { body: { ok: false, error: 'bad_client_secret' } }
    const grant = this.codes.get(String(a.code ?? ''))
    if (!grant) return { body: { ok: false, error: 'invalid_code' } }
    this.codes.delete(String(a.code))
    if (grant.redirectUri !== (a.redirect_uri ?? ''))
      return { body: { ok: false, error: 'bad_redirect_uri' } }
    const { team } = grant
    const token = `xoxb-oauth-${team.id}-${this.seq}`
    this.issued.set(token, { team, revoked: false })
    return {
      body: {
        ok: true,
        access_token: token,
        token_type: 'bot',
        scope: 'commands,chat:write,chat:write.public,users:read,usergroups:read,im:history',
        bot_user_id: `UBOT${team.id}`,
        app_id: 'A0BOT',
        team: team.orgWide ? null : { id: team.id, name: team.name },
        enterprise: team.enterpriseId ? { id: team.enterpriseId, name: 'Grid' } : null,
        is_enterprise_install: team.orgWide === true,
        authed_user: { id: 'U0INSTALLER' },
      },
    }
  }
}

/** Like Slack: a message sent to a user ID lands in the DM channel (D…) with the bot. */
function dmOf(channel: unknown): string {
  const id = String(channel ?? '')
  return /^[UW]/.test(id) ? `D${id.slice(1)}` : id
}

/** The file in an upload URL's body: the one part of a multipart form, or the body itself. */
function fileOfUpload(body: Buffer, contentType: string | undefined): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType ?? '')
  if (!contentType?.startsWith('multipart/form-data') || !boundary) return body
  const marker = Buffer.from(`--${boundary[1] ?? boundary[2]}`)
  const start = body.indexOf(marker)
  const headersEnd = body.indexOf('\r\n\r\n', start)
  const end = body.indexOf(Buffer.concat([Buffer.from('\r\n'), marker]), headersEnd)
  return start < 0 || headersEnd < 0 || end < 0 ? body : body.subarray(headersEnd + 4, end)
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** The Web API client sends form-encoded args with nested values as JSON strings. */
function decodeArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {}
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>
  const args: Record<string, unknown> = {}
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? safeJson(value) : value
  }
  return args
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value)
  } catch {
    return value
  }
}

/**
 * Installs the app at `botUrl` in `team` as a browser would: GET /slack/install, Slack's authorize
 * page (this fake's — "Allow"), back to /slack/oauth_redirect with the state cookie (`drop`: from
 * another browser). Resolves with the page the bot showed.
 */
export async function installInBrowser(
  botUrl: string,
  slack: FakeSlack,
  team: FakeTeam,
  opts: { cookie?: 'keep' | 'drop' } = {},
): Promise<{ status: number; html: string }> {
  const start = await fetch(`${botUrl}/slack/install`, { redirect: 'manual' })
  const location = start.headers.get('location') ?? ''
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const state = new URL(location).searchParams.get('state') ?? ''
  const code = slack.authorize(location, team)
  const back = await fetch(
    `${botUrl}/slack/oauth_redirect?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`,
    { redirect: 'manual', headers: opts.cookie === 'drop' ? {} : { cookie } },
  )
  return { status: back.status, html: await back.text() }
}
