import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { NOT_SAVED } from '../../src/slack/views/submission.js'
import { DIRECT_DEBIT_ANSWERS } from '../support/answers.js'
import { postSigned, viewSubmissionForm } from '../support/slack-request.js'
import { startTestBot, type TestBot } from '../support/test-bot.js'

/**
 * A write that cannot reach the disk: the data file's path is taken by a directory, so the atomic
 * rename fails as it would on a full or read-only disk. Removing the directory "frees the disk".
 */
async function breakTheDisk(bot: TestBot) {
  await rm(bot.dataFile)
  await mkdir(bot.dataFile)
}
const healthz = async (bot: TestBot) => (await fetch(`${bot.url}/healthz`)).status

describe('when the disk refuses a write', () => {
  let bot: TestBot
  afterEach(async () => {
    await rm(bot.dataFile, { recursive: true, force: true })
    await bot.stop()
  })

  it('tells the user within the ack that the request was not saved, keeps nothing, and takes the resubmission once the disk is back', async () => {
    bot = await startTestBot()
    await breakTheDisk(bot)

    const refused = await bot.submitModal('/direct-debit', '', DIRECT_DEBIT_ANSWERS)

    expect(refused.status).toBe(200)
    expect(refused.body).toMatchObject({ response_action: 'errors' })
    expect(Object.values((refused.body as { errors: Record<string, string> }).errors)).toEqual([NOT_SAVED])
    expect(bot.store.tickets.all()).toEqual([])
    expect(await healthz(bot)).toBe(503)
    expect((await readdir(dirname(bot.dataFile))).filter((n) => n.endsWith('.tmp'))).toEqual([])

    await rm(bot.dataFile, { recursive: true })
    const again = await bot.submitOpened(DIRECT_DEBIT_ANSWERS)

    expect(again.status).toBe(200)
    expect(again.body).toBeUndefined()
    const onDisk = JSON.parse(await readFile(bot.dataFile, 'utf8')) as { tickets: unknown[] }
    expect(onDisk.tickets).toHaveLength(1)
    expect(await healthz(bot)).toBe(200)
    await bot.slack.waitFor('chat.postMessage')
  })
})

describe('a view_submission without view.state', () => {
  it('is answered at once with the missing fields, not a crash', async () => {
    const bot = await startTestBot()
    await bot.command('/direct-debit')
    const open = await bot.slack.waitFor('views.open')
    const form = viewSubmissionForm(open.args.view as Parameters<typeof viewSubmissionForm>[0], {})
    const payload = JSON.parse(form.payload ?? '{}') as { view: Record<string, unknown> }
    delete payload.view.state
    form.payload = JSON.stringify(payload)

    const res = await postSigned(bot.url, form)

    expect(res.status).toBe(200)
    expect(res.json()).toMatchObject({
      response_action: 'errors',
      errors: { operator_id: expect.any(String) },
    })
    await bot.stop()
  })
})
