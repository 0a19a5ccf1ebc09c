import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = new URL('../src/', import.meta.url).pathname

/** The packages the domain may use: schemas, dates in Japan, Japan's holidays. */
const DOMAIN_PACKAGES = ['zod', 'dayjs', 'dayjs/plugin/utc.js', '@holiday-jp/holiday_jp']
/** Hiragana, katakana (full and half width) and kanji. */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff\uff66-\uff9f]/
/** src/app files that are types, wiring or helpers rather than use cases. */
const NOT_USE_CASES = ['deps', 'ports', 'outcomes', 'keyed-queue']

/** Every .ts file below a folder of src/, with its comments stripped. */
async function sources(folder: string): Promise<Array<{ file: string; code: string }>> {
  const root = join(SRC, folder)
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name))
  return Promise.all(
    files.map(async (file) => ({
      file: relative(SRC, file),
      code: (await readFile(file, 'utf8')).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''),
    })),
  )
}

/** The src/ folders a file imports from (relative imports only). */
function importedFolders(file: string, code: string): string[] {
  const folders: string[] = []
  for (const match of code.matchAll(/from '(\.[^']+)'/g)) {
    const target = relative(SRC, join(SRC, file, '..', match[1] ?? ''))
    folders.push(target.split('/')[0] ?? '')
  }
  return folders
}

describe('the architecture', () => {
  it('the domain core imports nothing from Slack, lowdb, nunjucks or process.env, and never reads the clock itself', async () => {
    const offenders: string[] = []
    for (const { file, code } of await sources('domain')) {
      if (/from '(@slack\/|lowdb|nunjucks|pino)/.test(code)) offenders.push(`${file}: forbidden import`)
      if (/process\.env/.test(code)) offenders.push(`${file}: process.env`)
      if (/Date\.now\(\)|new Date\(\)/.test(code)) offenders.push(`${file}: reads the clock`)
      for (const folder of importedFolders(file, code))
        if (folder !== 'domain') offenders.push(`${file}: imports from ${folder}/`)
      for (const match of code.matchAll(/from '([^.'][^']*)'/g))
        if (!DOMAIN_PACKAGES.includes(match[1] ?? '')) offenders.push(`${file}: imports ${match[1]}`)
    }
    expect(offenders).toEqual([])
  })

  it.each(['domain', 'app', 'slack'])(
    'src/%s holds no user-facing text: Japanese lives in render/ and templates/ only (issue 22)',
    async (folder) => {
      const offenders: string[] = []
      for (const { file, code } of await sources(folder)) {
        for (const literal of code.matchAll(/'[^'\n]*'|"[^"\n]*"|`[^`]*`/g))
          if (JAPANESE.test(literal[0])) offenders.push(`${file}: ${literal[0].slice(0, 40)}`)
      }
      expect(offenders).toEqual([])
    },
  )

  it('use cases answer data: the outcome types hold no function, so no closure crosses to src/slack (issue 22)', async () => {
    for (const path of ['app/outcomes.ts', 'app/fact-checked.ts', 'domain/outcomes.ts']) {
      const code = (await readFile(join(SRC, path), 'utf8')).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
      const types = [
        ...code.matchAll(/export type \w+(?:<[^>]*>)? =([\s\S]*?)(?=\nexport |\n\/\*\*|$)/g),
      ].map((m) => m[1])
      expect(types.length).toBeGreaterThan(0)
      for (const type of types) expect(type).not.toMatch(/=>|\bFunction\b|Promise</)
    }
    const slack = await sources('slack')
    expect(slack.filter(({ code }) => /afterAck/.test(code)).map((s) => s.file)).toEqual([])
  })

  it('every use case in src/app has tests of its own in test/app/, over in-memory ports (issue 22)', async () => {
    const tests = await readdir(new URL('./app/', import.meta.url))
    const imported = new Set<string>()
    for (const name of tests.filter((n) => n.endsWith('.test.ts'))) {
      const code = await readFile(new URL(`./app/${name}`, import.meta.url), 'utf8')
      for (const match of code.matchAll(/from '\.\.\/\.\.\/src\/app\/([\w-]+)\.js'/g))
        imported.add(match[1] ?? '')
      expect(code).not.toMatch(/startTestBot|startBotProcess|vi\.mock/)
    }
    const useCases = (await readdir(join(SRC, 'app')))
      .map((n) => n.replace(/\.ts$/, ''))
      .filter((n) => !NOT_USE_CASES.includes(n))
    expect(useCases.filter((n) => !imported.has(n))).toEqual([])
  })

  it.each(['app', 'domain', 'store', 'render', 'scheduling', 'soracom', 'answers'])(
    'src/%s imports nothing from src/slack',
    async (folder) => {
      const offenders = (await sources(folder)).filter(({ file, code }) =>
        importedFolders(file, code).includes('slack'),
      )
      expect(offenders.map((o) => o.file)).toEqual([])
    },
  )

  it('render/ draws what the domain and the use cases decide, and imports nothing from src/app (issue 22)', async () => {
    const offenders = (await sources('render')).filter(({ file, code }) =>
      importedFolders(file, code).includes('app'),
    )
    expect(offenders.map((o) => o.file)).toEqual([])
  })

  it('use cases talk to Slack only through ports: src/app imports no Slack package, lowdb, or modal builder', async () => {
    const offenders = (await sources('app')).filter(
      ({ code }) =>
        // A modal's pre-filled values may be typed by render/ (`import type`); building one is render's.
        /from '(@slack\/[^']+|lowdb)'/.test(code) ||
        /^import (?!type )[^\n]*from '\.\.\/render\/modals\//m.test(code),
    )
    expect(offenders.map((o) => o.file)).toEqual([])
  })

  it('every listener is registered with Bolt’s own methods in src/slack/<kind>/index.ts', async () => {
    const registrations = (await sources('slack')).filter(({ code }) =>
      /\bapp\.(command|view|action|event)[<(]/.test(code),
    )
    expect(registrations.map((r) => r.file).sort()).toEqual([
      'slack/actions/index.ts',
      'slack/commands/index.ts',
      'slack/events/index.ts',
      'slack/views/index.ts',
    ])
  })
})
