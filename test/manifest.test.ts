import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { COMMAND_ROUTES } from '../src/slack/commands/index.js'

const ROOT = new URL('../', import.meta.url).pathname

interface Manifest {
  display_information: {
    name: string
    description?: string
    long_description?: string
    background_color?: string
  }
  features: {
    app_home?: {
      home_tab_enabled?: boolean
      messages_tab_enabled?: boolean
      messages_tab_read_only_enabled?: boolean
    }
    bot_user?: { display_name: string; always_online?: boolean }
    slash_commands?: Array<{ command: string; url?: string; description: string; usage_hint?: string }>
  }
  oauth_config: { scopes: { bot?: string[] } }
  settings: {
    event_subscriptions?: { request_url?: string; bot_events?: string[] }
    interactivity?: { is_enabled: boolean; request_url?: string }
  }
}

/**
 * The bot scope each Web API method the code calls needs (Slack's method reference, "Required
 * scopes"). Methods without a bot scope (auth.test, views.*) map to none.
 */
const METHOD_SCOPES: Record<string, string | undefined> = {
  'auth.test': undefined,
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'chat.update': 'chat:write',
  'chat.scheduleMessage': 'chat:write',
  'chat.deleteScheduledMessage': 'chat:write',
  'chat.scheduledMessages.list': 'chat:write',
  'users.info': 'users:read',
  'usergroups.users.list': 'usergroups:read',
  'conversations.open': 'im:write',
  // The client's helper: files.getUploadURLExternal, then files.completeUploadExternal.
  'files.uploadV2': 'files:write',
  'views.open': undefined,
  'views.publish': undefined,
  'views.update': undefined,
}

/** The scope each subscribed bot event needs (Slack's events reference). */
const EVENT_SCOPES: Record<string, string | undefined> = {
  app_home_opened: undefined,
  'message.im': 'im:history',
}

/** Scopes not tied to one method, each with the reason the bot needs it. */
const JUSTIFIED: Record<string, string> = {
  commands: 'the slash commands',
  'chat:write.public': 'posting a flow result in a public channel the bot has not joined',
}

async function sources(dir: string): Promise<string> {
  const entries = await readdir(join(ROOT, dir), { recursive: true, withFileTypes: true })
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name))
  return (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n')
}

describe('manifest.json (Slack app manifest reference)', async () => {
  const manifest = JSON.parse(await readFile(join(ROOT, 'manifest.json'), 'utf8')) as Manifest
  const code = await sources('src')
  const methods = [
    ...new Set([...code.matchAll(/client\.([a-z]+(?:\.[a-zA-Z]+){1,2})\(/g)].map((m) => m[1] ?? '')),
    ...(/client\.filesUploadV2\(/.test(code) ? ['files.uploadV2'] : []),
  ]
  // The one command listener dispatches through this table (slack/dispatch.ts); building it calls nothing.
  const commands = COMMAND_ROUTES.map(([name]) => String(name))
  // The code listens to `message` and keeps direct messages only: the manifest's `message.im`.
  const events = [...code.matchAll(/app\.event\('([^']+)'/g)].map((m) =>
    m[1] === 'message' ? 'message.im' : (m[1] ?? ''),
  )
  const requested = manifest.oauth_config.scopes.bot ?? []

  it('has the display information Slack requires, within its lengths', () => {
    const info = manifest.display_information
    expect(info.name.length).toBeGreaterThan(0)
    expect(info.name.length).toBeLessThanOrEqual(35)
    expect(info.description?.length ?? 0).toBeLessThanOrEqual(140)
    expect(info.long_description?.length ?? 0).toBeGreaterThanOrEqual(175)
    expect(info.long_description?.length ?? 0).toBeLessThanOrEqual(4000)
    expect(info.background_color).toMatch(/^#[0-9a-fA-F]{6}$/)
    expect(manifest.features.bot_user?.display_name.length ?? 0).toBeGreaterThan(0)
    expect(manifest.features.bot_user?.display_name.length ?? 0).toBeLessThanOrEqual(80)
  })

  it('promises no daily reminder: reminders come on the calendar\u2019s days only (issue 24)', () => {
    expect(manifest.display_information.long_description).not.toMatch(/毎朝|毎日/)
  })

  it('declares exactly the slash commands the code registers, each well formed', () => {
    const declared = manifest.features.slash_commands ?? []
    expect(declared.map((c) => c.command).sort()).toEqual([...commands].sort())
    for (const c of declared) {
      expect(c.command).toMatch(/^\/[a-z0-9_-]{1,31}$/)
      expect(c.description.length).toBeGreaterThan(0)
      expect(c.description.length).toBeLessThanOrEqual(2000)
      expect(c.usage_hint?.length ?? 0).toBeLessThanOrEqual(1000)
      expect(c.url).toMatch(/^https:\/\//)
    }
  })

  it('subscribes to exactly the events the code listens to, and keeps interactivity on', () => {
    expect([...(manifest.settings.event_subscriptions?.bot_events ?? [])].sort()).toEqual([...events].sort())
    expect(manifest.settings.interactivity?.is_enabled).toBe(true)
  })

  it('requests the scope of every Web API method the code calls', () => {
    const unknown = methods.filter((m) => !(m in METHOD_SCOPES))
    expect(unknown).toEqual([])
    const needed = new Set(
      [...methods.map((m) => METHOD_SCOPES[m]), ...events.map((e) => EVENT_SCOPES[e])].filter(
        (s): s is string => s !== undefined,
      ),
    )
    expect([...needed].filter((s) => !requested.includes(s))).toEqual([])
  })

  it('requests no scope the code does not use', () => {
    const used = new Set([
      ...methods.map((m) => METHOD_SCOPES[m]),
      ...events.map((e) => EVENT_SCOPES[e]),
      ...Object.keys(JUSTIFIED),
    ])
    expect(requested.filter((s) => !used.has(s))).toEqual([])
  })

  it('keeps the Messages tab read-only while nothing answers direct messages', () => {
    const answersDms =
      events.includes('message') || events.includes('message.im') || /app\.message\(/.test(code)
    if (!answersDms) expect(manifest.features.app_home?.messages_tab_read_only_enabled).toBe(true)
  })
})

describe('what the README says of the Slack app (issue 25: a claim that could drift is tested)', async () => {
  const manifest = JSON.parse(await readFile(join(ROOT, 'manifest.json'), 'utf8')) as Manifest & {
    features: { slash_commands: Array<{ url?: string }> }
    settings: Record<string, unknown> & {
      socket_mode_enabled?: boolean
      event_subscriptions: { request_url?: string; bot_events?: string[] }
      interactivity: { request_url?: string }
    }
  }
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8')
  const listed = (label: string) =>
    [...(readme.split('\n').find((l) => l.startsWith(`**${label}**`)) ?? '').matchAll(/`([^`]+)`/g)].map(
      (m) => m[1],
    )

  it('lists exactly the manifest\u2019s bot scopes', () => {
    expect(listed('Bot scopes').sort()).toEqual([...(manifest.oauth_config.scopes.bot ?? [])].sort())
  })

  it('lists exactly the manifest\u2019s bot events', () => {
    expect(listed('Bot events').sort()).toEqual(
      [...(manifest.settings.event_subscriptions.bot_events ?? [])].sort(),
    )
  })

  it('offers a Socket Mode manifest that is the same app with Socket Mode on and no URLs', async () => {
    const socket = JSON.parse(
      await readFile(join(ROOT, 'manifest.socket-mode.json'), 'utf8'),
    ) as typeof manifest
    const expected = structuredClone(manifest)
    for (const command of expected.features.slash_commands) delete command.url
    delete expected.settings.event_subscriptions.request_url
    delete expected.settings.interactivity.request_url
    expected.settings.socket_mode_enabled = true
    expect(socket).toEqual(expected)
  })
})
