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
