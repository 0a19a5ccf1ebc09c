import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const DOMAIN = new URL('../../src/domain/', import.meta.url).pathname

describe('the domain core', () => {
  it('imports nothing from Slack, lowdb, nunjucks or process.env, and never reads the clock itself', async () => {
    const offenders: string[] = []
    for (const name of await readdir(DOMAIN)) {
      const code = (await readFile(join(DOMAIN, name), 'utf8')).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
      if (/from '(@slack\/|lowdb|nunjucks)/.test(code)) offenders.push(`${name}: forbidden import`)
      if (/process\.env/.test(code)) offenders.push(`${name}: process.env`)
      if (/Date\.now\(\)|new Date\(\)/.test(code)) offenders.push(`${name}: reads the clock`)
    }
    expect(offenders).toEqual([])
  })
})
