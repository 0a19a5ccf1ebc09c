/**
 * The baseline: a bare Bolt 5 app with one `/direct-debit` listener that acks and calls
 * views.open (and a view listener that only acks), in HTTP mode, against the same fake Slack.
 */
import { App, LogLevel } from '@slack/bolt'

const app = new App({
  token: process.env.SLACK_BOT_TOKEN ?? 'xoxb-bench',
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL, retryConfig: { retries: 0 } },
  logLevel: LogLevel.ERROR,
})

app.command('/direct-debit', async ({ ack, command, client }) => {
  await ack()
  await client.views.open({
    trigger_id: command.trigger_id,
    view: {
      type: 'modal',
      callback_id: 'direct_debit',
      title: { type: 'plain_text', text: '口座振替の依頼' },
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'bare' } }],
    },
  })
})

app.view('direct_debit', async ({ ack }) => {
  await ack()
})

const server = await app.start(Number(process.env.PORT ?? 0))
const address = server.address()
const port = typeof address === 'object' && address ? address.port : 0
console.log(`bare-bolt: listening on http://127.0.0.1:${port}/slack/events`)
// A clean exit on either signal, so that a CPU profile (BENCH_PROFILE) is written.
process.once('SIGINT', () => process.exit(0))
process.once('SIGTERM', () => process.exit(0))
