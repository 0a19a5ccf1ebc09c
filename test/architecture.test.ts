import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = new URL('../src/', import.meta.url).pathname

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
    }
    expect(offenders).toEqual([])
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

  it('use cases talk to Slack only through ports: src/app imports no Slack SDK, lowdb or Bolt', async () => {
    const offenders = (await sources('app')).filter(({ code }) =>
      /from '(@slack\/bolt|@slack\/web-api|lowdb)'/.test(code),
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
