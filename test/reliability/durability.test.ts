import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { directDebitModal } from '../../src/render/modals/direct-debit.js'
import { LISTENING, startNpmStart, waitForOutput } from '../support/bot-process.js'
import { eventually } from '../support/eventually.js'
import { FakeSlack } from '../support/fake-slack.js'
import { postSigned, SIGNING_SECRET, viewSubmissionForm } from '../support/slack-request.js'

const KILLS = 20
const CONCURRENCY = 8

/** The modal as the bot opens it: the submissions below fill its blocks. */
const modal = directDebitModal({
  privateMetadata: JSON.stringify({ channel: 'C0BILLING', user: 'U0ALICE' }),
}) as Parameters<typeof viewSubmissionForm>[0]

const operatorIdFor = (n: number) => `OP${String(n).padStart(10, '0')}`

describe('durability under SIGKILL', () => {
  let dir: string
  let slack: FakeSlack
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sigkill-'))
    slack = await new FakeSlack().start()
  })
  afterAll(async () => {
    await slack.stop()
    await rm(dir, { recursive: true, force: true })
  })

  it(`loses no acknowledged ticket over ${KILLS} kills during bursts of concurrent submissions`, async () => {
    const file = join(dir, 'db.json')
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-t',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      DATA_FILE: file,
    }
    const acknowledged = new Set<string>()
    let next = 1
    let lost = 0

    for (let kill = 0; kill < KILLS; kill++) {
      // As deployed (`npm start`), restarted the moment the previous tree was killed — before the
      // old process is even reaped — as a supervisor does.
      const bot = startNpmStart(env, dir)
      const [, port] = await waitForOutput(bot, LISTENING, 30_000)
      const url = `http://127.0.0.1:${port}`
      let stopping = false
      const worker = async () => {
        while (!stopping) {
          const operatorId = operatorIdFor(next++)
          const answers = {
            operator_id: operatorId,
            coverage: 'jp',
            account_type: 'corporate',
            invoice_payment: 'active',
            consent: ['agree'],
          }
          try {
            const res = await postSigned(url, viewSubmissionForm(modal, answers))
            // An empty 200 is the ack that closes the modal: the bot promised the ticket is kept.
            if (res.status === 200 && res.text === '') acknowledged.add(operatorId)
          } catch {
            // The process died mid-request: not acknowledged, nothing promised.
          }
        }
      }
      const before = acknowledged.size
      const workers = Array.from({ length: CONCURRENCY }, worker)
      // At least one acknowledgement in every burst, however slow the machine: the kill comes after
      // it, at a random moment among the submissions still in flight.
      await eventually(() => expect(acknowledged.size).toBeGreaterThan(before), 30_000)
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 300))
      bot.killTree('SIGKILL')
      stopping = true
      await Promise.all(workers)

      const text = await readFile(file, 'utf8')
      const db = JSON.parse(text) as { tickets: Array<{ operatorId: string }> }
      const stored = new Set(db.tickets.map((t) => t.operatorId))
      for (const id of acknowledged) if (!stored.has(id)) lost += 1
    }

    console.log(`durability: ${KILLS} kills, ${acknowledged.size} acknowledged tickets, ${lost} lost`)
    expect(lost).toBe(0)
  }, 180_000)
})
