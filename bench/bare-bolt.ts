/**
 * The baseline: a bare Bolt 5 app with one `/direct-debit` listener that acks and calls
 * views.open with the same modal the bot opens (so Slack — the fake one, in the bench's own
 * process — gets the same bytes from both), and a view listener that only acks; HTTP mode, the
 * same fake Slack. What differs from the bot is only the bot itself: its middleware, listeners,
 * store and logging.
 */
import { App, LogLevel } from '@slack/bolt'
import { directDebitModal } from '../src/render/modals/direct-debit.js'

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
    view: directDebitModal({
      privateMetadata: JSON.stringify({ channel: command.channel_id, user: command.user_id }),
    }),
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
