import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { NOT_SAVED } from '../../src/render/modals/submission.js'
import { writeAtomically } from '../../src/store/group-commit-file.js'
import { DIRECT_DEBIT_ANSWERS } from '../support/answers.js'
import { postSigned, viewSubmissionForm } from '../support/slack-request.js'
import { STORE_BACKEND, startTestBot, type TestBot } from '../support/test-bot.js'

/**
 * A write that cannot reach the disk: the data file's path is taken by a directory, so the atomic
 * rename fails as it would on a full or read-only disk. Removing the directory "frees the disk".
 */
async function breakTheDisk(bot: TestBot) {
  await rm(bot.dataFile)
  await mkdir(bot.dataFile)
}
const healthz = async (bot: TestBot) => (await fetch(`${bot.url}/healthz`)).status

// The data file's disk; PostgreSQL's outage is test/store/postgres-outage.test.ts.
describe.skipIf(STORE_BACKEND === 'postgres')('when the disk refuses a write', () => {
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
    expect(await bot.store.tickets.all()).toEqual([])
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

describe.skipIf(STORE_BACKEND === 'postgres')('when the disk stalls', () => {
  /** A disk that, once stalled, holds every write until `release`, then writes (or fails) for real. */
  function stallingDisk() {
    let stalled = false
    let held: Array<() => void> = []
    let failing = false
    return {
      writeFile: async (file: string, text: string) => {
        if (stalled) await new Promise<void>((resolve) => held.push(resolve))
        if (failing) throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' })
        await writeAtomically(file, text)
      },
      stall() {
        stalled = true
      },
      release(options: { fail?: boolean } = {}) {
        stalled = false
        failing = options.fail ?? false
        const waiting = held
        held = []
        for (const resolve of waiting) resolve()
      },
    }
  }

  it('answers Slack within 3 s that it is still saving, then shows the outcome in the modal and posts the request', async () => {
    const disk = stallingDisk()
    const bot = await startTestBot({ writeFile: disk.writeFile })
    disk.stall()
    try {
      await bot.command('/direct-debit')
      const started = Date.now()
      const answer = await bot.submitOpened(DIRECT_DEBIT_ANSWERS)
      expect(Date.now() - started).toBeLessThan(3000)
      expect(answer.body).toMatchObject({ response_action: 'update' })
      expect(JSON.stringify(answer.body)).toContain('保存に時間がかかっています')
      expect(bot.slack.callsTo('chat.postMessage')).toEqual([])

      disk.release()
      const shown = await bot.slack.waitFor('views.update')
      expect(JSON.stringify(shown.args.view)).toContain('保存しました')
      await bot.slack.waitFor('chat.postMessage')
      const onDisk = JSON.parse(await readFile(bot.dataFile, 'utf8')) as { tickets: unknown[] }
      expect(onDisk.tickets).toHaveLength(1)
    } finally {
      disk.release()
      await bot.stop()
    }
  })

  it('answers a double submission within 3 s too, and stores the request once', async () => {
    const disk = stallingDisk()
    const bot = await startTestBot({ writeFile: disk.writeFile })
    disk.stall()
    try {
      await bot.command('/direct-debit')
      const open = await bot.slack.waitFor('views.open')
      const form = viewSubmissionForm(
        open.args.view as Parameters<typeof viewSubmissionForm>[0],
        DIRECT_DEBIT_ANSWERS,
      )
      const started = Date.now()
      const answers = await Promise.all([postSigned(bot.url, form), postSigned(bot.url, form)])
      expect(Date.now() - started).toBeLessThan(3000)
      expect(answers.map((a) => a.status)).toEqual([200, 200])
      // The first is told it is still saving; the duplicate finds the request taken (in memory) and
      // is answered as done — were the write to fail, the DM of the first says so.
      expect(answers.filter((a) => a.text.includes('保存に時間がかかっています'))).toHaveLength(1)

      disk.release()
      await bot.slack.waitFor('chat.postMessage')
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(await bot.store.tickets.all()).toHaveLength(1)
      expect(bot.slack.callsTo('chat.postMessage')).toHaveLength(1)
    } finally {
      disk.release()
      await bot.stop()
    }
  })

  it('says in the modal and by DM when the stalled write fails in the end, and keeps nothing', async () => {
    const disk = stallingDisk()
    const bot = await startTestBot({ writeFile: disk.writeFile })
    disk.stall()
    try {
      const answer = await bot.submitModal('/direct-debit', '', DIRECT_DEBIT_ANSWERS, { userId: 'U0ALICE' })
      expect(answer.body).toMatchObject({ response_action: 'update' })

      disk.release({ fail: true })
      const shown = await bot.slack.waitFor('views.update')
      expect(JSON.stringify(shown.args.view)).toContain('保存できなかったため')
      const dm = await bot.slack.waitFor('chat.postMessage', (c) => c.args.channel === 'U0ALICE')
      expect(String(dm.args.text)).toContain('もう一度最初から送信してください')
      expect(await bot.store.tickets.all()).toEqual([])
    } finally {
      disk.release()
      await bot.stop()
    }
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
