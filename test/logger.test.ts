import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createLogger, redact } from '../src/logger.js'

describe('structured, redacting logs', () => {
  function capture(secrets: string[] = []) {
    const lines: string[] = []
    const logger = createLogger({ secrets, write: (line) => lines.push(line) })
    return { logger, lines }
  }

  it('writes one JSON object per line with time, level and message', () => {
    const { logger, lines } = capture()

    logger.info('started', { port: 3000 })

    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ level: 'info', message: 'started', port: 3000 })
  })

  it('never writes tokens, the signing secret, e-mail or postal addresses', () => {
    const { logger, lines } = capture(['s3cr3t-signing'])

    logger.error('failed', {
      error: new Error('invalid_auth for xoxb-1234-5678-abcdef and xapp-1-A0-xyz'),
      detail: 'secret s3cr3t-signing, mail billing@example.co.jp',
      request: { address: '〒158-0094 東京都世田谷区玉川4-5-6', email: 'someone@example.com' },
      auth: { authKey: 'secret-abc', authKeyId: 'keyId-abc' },
    })

    const line = lines[0] ?? ''
    for (const leaked of [
      'xoxb-1234',
      'xapp-1-A0',
      's3cr3t-signing',
      'billing@example.co.jp',
      'someone@example.com',
      '158-0094',
      '玉川',
      'secret-abc',
      'keyId-abc',
    ]) {
      expect(line).not.toContain(leaked)
    }
    expect(line).toContain('[redacted]')
    expect(() => JSON.parse(line)).not.toThrow()
  })

  it('leaves operator IDs, numbers and every closing brace intact: each line stays valid JSON', () => {
    const { logger, lines } = capture(['s3cr3t-signing'])

    logger.info('handled', { operatorId: 'OP0123456789', took_ms: 1234567, nested: { count: 9876543 } })

    const entry = JSON.parse(lines[0] ?? '')
    expect(entry).toMatchObject({ operatorId: 'OP0123456789', took_ms: 1234567, nested: { count: 9876543 } })
  })

  it("accepts Bolt's variadic logger calls", () => {
    const { logger, lines } = capture()

    logger.warn('http request failed', 'fetch failed', new Error('boom'))

    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 'warn',
      details: ['fetch failed', { message: 'boom' }],
    })
  })

  it('honours the level Bolt sets', () => {
    const { logger, lines } = capture()

    logger.setLevel?.('error' as never)
    logger.info('quiet')
    logger.error('loud')

    expect(lines.map((l) => JSON.parse(l).message)).toEqual(['loud'])
  })

  it('masks token-shaped text wherever it appears in a string', () => {
    expect(redact('token=xoxp-9-9-9 end')).toBe('token=xox?-[redacted] end')
  })
})

describe('logs in development (npm run dev pipes them through pino-pretty)', () => {
  it('reads as plain lines, secrets still redacted', async () => {
    const { execFileSync } = await import('node:child_process')
    const lines: string[] = []
    const logger = createLogger({
      write: (line) => void lines.push(line),
      secrets: ['xoxb-dev-secret-token'],
    })
    logger.warn('message not delivered; trying again soon', {
      error: 'slack_webapi_http_error',
      token: 'xoxb-dev-secret-token',
    })

    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      scripts: { dev: string }
    }
    // The flags npm run dev gives pino-pretty, so this test reads the logs as a developer does.
    const flags = (pkg.scripts.dev.split('| pino-pretty')[1] ?? '').trim().split(/\s+/).filter(Boolean)
    const bin = new URL('../node_modules/pino-pretty/bin.js', import.meta.url).pathname
    const pretty = execFileSync(process.execPath, [bin, ...flags, '--colorize', 'false'], {
      input: `${lines.join('\n')}\n`,
    }).toString()

    expect(pretty).toMatch(/WARN.*: message not delivered; trying again soon/)
    expect(pretty).not.toContain('{"level"')
    expect(pretty).not.toContain('xoxb-dev-secret-token')
  })
})
