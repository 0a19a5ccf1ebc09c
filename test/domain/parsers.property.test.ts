import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseOperatorIdList } from '../../src/domain/invoice-merge.js'
import { parseOperatorId } from '../../src/domain/operator-id.js'
import { parsePlainDate, parseYearMonth } from '../../src/domain/plain-date.js'
import { escapeMrkdwn } from '../../src/render/mrkdwn.js'
import { parseProblemText } from '../../src/render/problems.js'
import { parseBillingText } from '../../src/slack/commands/billing.js'
import { StoreCorruptError } from '../../src/store/errors.js'
import { openStore } from '../../src/store/index.js'

/** Strings as users paste them: any Unicode, full-width forms, control characters, very long. */
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary' }),
)
const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`))
const toFullWidth = (s: string) =>
  s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))

describe('every parser returns a value or a clear error, and never throws', () => {
  it('parseOperatorId', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const result = parseOperatorId(raw)
        if (result.ok) expect(result.value).toMatch(/^OP\d{10}$/)
        else expect(parseProblemText(result.problem)).toMatch(/OP|入力/)
      }),
    )
  })

  it('parseOperatorId accepts any real ID however it is pasted', () => {
    fc.assert(
      fc.property(
        digits(10),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('', ' ', '\u3000', '\t'),
        (d, full, lower, pad) => {
          let id = `OP${d}`
          if (lower) id = id.toLowerCase()
          if (full) id = toFullWidth(id)
          expect(parseOperatorId(`${pad}${id}${pad}`)).toEqual({ ok: true, value: `OP${d}` })
        },
      ),
    )
  })

  it('parseYearMonth', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const result = parseYearMonth(raw)
        if (result.ok) expect(result.value).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/)
        else expect(parseProblemText(result.problem)).toContain('YYYY-MM')
      }),
    )
  })

  it('parsePlainDate accepts exactly the real dates', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10)
          expect(parsePlainDate(iso)).toEqual({ ok: true, value: iso })
        },
      ),
    )
    fc.assert(
      fc.property(anyText, (raw) => {
        const result = parsePlainDate(raw)
        if (!result.ok) expect(parseProblemText(result.problem)).toContain('YYYY-MM-DD')
      }),
    )
  })

  it('parseOperatorIdList', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const result = parseOperatorIdList(raw)
        if (result.ok) {
          expect(result.value.length).toBeGreaterThan(0)
          expect(result.value.length).toBeLessThanOrEqual(50)
          expect(new Set(result.value).size).toBe(result.value.length)
          for (const id of result.value) expect(id).toMatch(/^OP\d{10}$/)
        } else {
          expect(parseProblemText(result.problem).length).toBeLessThan(400)
        }
      }),
    )
  })

  it('parseBillingText', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const parsed = parseBillingText(raw)
        expect(parsed.sub.length).toBeGreaterThan(0)
        expect(parsed.page).toBeGreaterThanOrEqual(1)
      }),
    )
  })
})

describe('user text in Slack messages', () => {
  it('escapeMrkdwn leaves no control character or formatting mark, so nothing can ping, link or format', () => {
    const marks = (text: string) =>
      text.replace(/[＊＿～｀]/g, (c) => ({ '＊': '*', '＿': '_', '～': '~', '｀': '`' })[c] ?? c)
    fc.assert(
      fc.property(anyText, (raw) => {
        const escaped = escapeMrkdwn(raw)
        expect(escaped).not.toMatch(/[<>*_~`]/)
        expect(marks(escaped.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'))).toBe(
          marks(raw),
        )
      }),
    )
  })
})

describe('the data file', () => {
  it('opens or refuses with StoreCorruptError, whatever the file holds', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'prop-'))
    const jsonish = fc.oneof(
      anyText,
      fc.json(),
      fc
        .jsonValue()
        .map((v) => JSON.stringify({ schemaVersion: 2, tickets: [v], checklists: [], reminders: [] })),
      fc.jsonValue().map((v) => JSON.stringify({ schemaVersion: 1, tickets: v })),
    )
    let n = 0
    try {
      await fc.assert(
        fc.asyncProperty(jsonish, async (content) => {
          const file = join(dir, `db-${n++}.json`)
          await writeFile(file, content)
          try {
            const store = await openStore(file)
            await store.close()
          } catch (error) {
            expect(error).toBeInstanceOf(StoreCorruptError)
          }
        }),
        { numRuns: 60 },
      )
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
