import { afterEach, describe, expect, it } from 'vitest'
import { DIRECT_DEBIT_ANSWERS } from '../support/answers.js'
import { eventually } from '../support/eventually.js'
import { FakeSlack } from '../support/fake-slack.js'
import { startTestBot, type TestBot } from '../support/test-bot.js'

describe('a ticket stored but never posted (the process died between save and post)', () => {
  let slack: FakeSlack
  const bots: TestBot[] = []
  afterEach(async () => {
    for (const bot of bots.splice(0)) await bot.stop()
    await slack.stop()
  })

  it('is posted once after the restart, never again, saying it may repeat a post Slack already showed', async () => {
    slack = await new FakeSlack().start()
    const first = await startTestBot({ slack })
    await first.submitModal('/direct-debit', '', DIRECT_DEBIT_ANSWERS)
    await eventually(async () => expect((await first.store.tickets.all())[0]?.message).toBeDefined())
    // As the file stands when the process is killed after the save and before the post.
    const { message: _posted, ...stored } = (await first.store.tickets.all())[0] ?? ({} as never)
    await first.store.tickets.save(stored as never)
    await first.stopKeepingData()
    const postsBefore = slack.callsTo('chat.postMessage').length

    const second = await startTestBot({ slack, dataFile: first.dataFile, idStart: 100 })
    bots.push(second)
    await second.sweep()
    await second.sweep()

    const posts = slack.callsTo('chat.postMessage').slice(postsBefore)
    expect(posts).toHaveLength(1)
    expect(JSON.stringify(posts[0]?.args.blocks)).toContain('口座振替の希望')
    // Slack may have shown the first post before the kill: the repeat says it is the same request,
    // and that this message is the one kept up to date (issue 23.5).
    expect(JSON.stringify(posts[0]?.args.blocks)).toContain('もう一度投稿します')
    expect(JSON.stringify(posts[0]?.args.blocks)).toContain('それは同じ依頼です')
    expect((await second.store.tickets.all())[0]?.message).toBeDefined()
  })
})
