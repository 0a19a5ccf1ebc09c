import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { KNOWLEDGE_FILE } from '../src/answers/guide-index.js'
import { TEMPLATES_DIR } from '../src/render/templates.js'

const ROOT = new URL('../', import.meta.url).pathname

describe('the Docker image', () => {
  it('copies every file the built bot reads at run time (templates, the knowledge base) into its final stage', async () => {
    const dockerfile = await readFile(new URL('../Dockerfile', import.meta.url), 'utf8')
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf('FROM '))
    const copied = [...finalStage.matchAll(/^COPY (?!--from)(\S+)/gm)].map((m) => m[1])
    const needed = [TEMPLATES_DIR, KNOWLEDGE_FILE.pathname].map((p) => p.replace(ROOT, '').replace(/\/$/, ''))
    expect(needed).toEqual(['templates', 'knowledge/guide.yaml'])
    for (const path of needed) expect(copied).toContain(path)
  })
})

describe('what a production install runs (issue 25)', async () => {
  const dockerfile = await readFile(new URL('../Dockerfile', import.meta.url), 'utf8')
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
    engines: { node: string }
    dependencies: Record<string, string>
    devDependencies: Record<string, string>
    scripts: Record<string, string>
  }
  const stages = dockerfile.split(/^FROM /m).slice(1)

  it('builds and runs on one pinned Node release, not an end-of-life line', () => {
    const images = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1])
    expect(images).toHaveLength(2)
    for (const image of images) expect(image).toMatch(/^node:(\d+)\.\d+\.\d+-slim$/)
    const major = Number(images[0]?.match(/^node:(\d+)/)?.[1])
    expect(major % 2, 'an even major: an LTS line').toBe(0)
    expect(major).toBeGreaterThanOrEqual(24)
    expect(new Set(images).size).toBe(1)
  })

  it('installs production dependencies only in the final stage, with no TypeScript runner among them', () => {
    expect(stages.at(-1)).toMatch(/npm ci --omit=dev --ignore-scripts/)
    for (const dev of ['tsx', 'typescript', 'vitest', 'pino-pretty'])
      expect(pkg.dependencies).not.toHaveProperty(dev)
  })

  it('gives the build stage everything `npm run build` uses', () => {
    const build = stages[0] ?? ''
    for (const path of ['scripts', 'src', 'tsconfig.json']) expect(build).toContain(`COPY ${path}`)
    expect(pkg.scripts.build).toContain('scripts/build.mjs')
  })

  it('says in engines what the toolchain needs (vitest 4 and its vite: Node 20.19)', () => {
    expect(pkg.engines.node).toBe('>=20.19')
  })

  it('generates the SORACOM types with a pinned generator, formatted as the linter wants', () => {
    expect(pkg.scripts['generate:soracom']).toMatch(/openapi-typescript@\d+\.\d+\.\d+ /)
    expect(pkg.scripts['generate:soracom']).toContain('biome format --write src/soracom/schema.d.ts')
  })
})

describe('npm start without a build', () => {
  it('says in one line that dist/ is missing and how to get it, instead of a module-not-found trace', async () => {
    const { mkdtemp, copyFile, rm } = await import('node:fs/promises')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const { spawnSync } = await import('node:child_process')
    const dir = await mkdtemp(join(tmpdir(), 'no-dist-'))
    try {
      await copyFile(new URL('../package.json', import.meta.url), join(dir, 'package.json'))

      const run = spawnSync('npm', ['start', '--silent', '--prefix', dir], { encoding: 'utf8' })

      expect(run.status).toBe(1)
      expect(run.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(/^start: dist\/ is missing: run npm run build/),
      ])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
