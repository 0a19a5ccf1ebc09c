import { describe, expect, it } from 'vitest'
import { POSTGRES_URL } from '../support/store-backends.js'
import { STORE_BACKEND, startTestBot } from '../support/test-bot.js'

/** The black-box suite's two runs really are on two backends (vitest.config.ts, project "postgres"). */
describe('the store the black-box bots run on', () => {
  it('is the one this run names (TEST_STORE), with the data where that backend keeps it', async () => {
    expect(STORE_BACKEND).toBe(process.env.TEST_STORE === 'postgres' ? 'postgres' : 'file')
    const bot = await startTestBot()
    try {
      expect(bot.fileStore === undefined).toBe(STORE_BACKEND === 'postgres')
      if (STORE_BACKEND === 'postgres') expect(POSTGRES_URL).toBeDefined()
    } finally {
      await bot.stop()
    }
  })
})
