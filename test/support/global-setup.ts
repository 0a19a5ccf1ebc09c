import type { TestProject } from 'vitest/node'
import { buildDist } from './bot-process.js'
import { startTestPostgres } from './postgres-server.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server the tests may use, or why there is none (test/support/postgres.ts). */
    postgres: { url: string } | { unavailable: string }
  }
}

/**
 * Once before every test file: the tests that run the bot as deployed need dist/ built; the
 * PostgreSQL tests need a server — TEST_DATABASE_URL when given, else one started here.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildDist()
  const given = process.env.TEST_DATABASE_URL
  if (given) {
    project.provide('postgres', { url: given })
    return async () => undefined
  }
  const server = await startTestPostgres()
  if ('unavailable' in server) {
    // Loud: a skipped PostgreSQL suite must never pass for a tested one.
    console.warn(`\n!!! PostgreSQL tests SKIPPED: ${server.unavailable}\n`)
    if (process.env.REQUIRE_POSTGRES) throw new Error(`REQUIRE_POSTGRES is set: ${server.unavailable}`)
    if (process.env.TEST_STORE === 'postgres') {
      // The run that exists only to put the black-box suite on PostgreSQL: nothing to run it on.
      console.warn('!!! the black-box suite on PostgreSQL (TEST_STORE=postgres) SKIPPED as a whole\n')
      process.exit(0)
    }
    project.provide('postgres', server)
    return async () => undefined
  }
  project.provide('postgres', { url: server.url })
  return () => server.stop()
}
