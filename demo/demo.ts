/**
 * The whole bot, tried without a Slack workspace: starts the real bot (src/main.ts) in HTTP mode
 * against the bundled fake Slack Web API, with a temporary data file and a fixed clock, drives
 * every flow with signed requests as Slack would send them, and prints what a user would see.
 */
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SLACK_SCHEDULE_HORIZON_MS } from '../src/domain/reminder.js'
import { formatJstDateTime } from '../src/render/time.js'
import { type BotProcess, startListening, waitForOutput } from '../test/support/bot-process.js'
import {
  FAKE_OAUTH_APP,
  FakeSlack,
  type FakeTeam,
  installInBrowser,
  type SlackCall,
  tokenOf,
} from '../test/support/fake-slack.js'
import { FakeSoracom } from '../test/support/fake-soracom.js'
import {
  type Answer,
  blockActionsForm,
  postSigned,
  postSignedEvent,
  SIGNING_SECRET,
  slashCommandForm,
  viewSubmissionForm,
} from '../test/support/slack-request.js'
import { messageToText, modalFieldsToText } from './blocks-to-text.js'

export const DEMO_NOW = '2026-11-26T10:00:00+09:00'
const USER = 'U0DEMO'
const CHANNEL = 'C0BILLING'

type View = Parameters<typeof viewSubmissionForm>[0]

const DEMO_KEY = { authKeyId: 'keyId-demo0000000000000000', authKey: 'secret-demo000000000000000000000000' }

/** The bundled fake SORACOM API with one operator's bills: August 2022, and a 0-yen September 2026. */
async function demoSoracom(): Promise<FakeSoracom> {
  const soracom = await new FakeSoracom().start()
  soracom.keys.set(DEMO_KEY.authKeyId, { authKey: DEMO_KEY.authKey, operatorId: 'OP0123456789' })
  soracom.paymentMethod = undefined
  const bill = (yearMonth: string, amount: number, extra: Record<string, unknown> = {}) =>
    soracom.bills.set(yearMonth, { yearMonth, amount, currency: 'JPY', state: 'closed', ...extra })
  bill('202207', 27842, { paymentStatus: 'delegated_to_third_party' })
  bill('202208', 28734, { paymentStatus: 'delegated_to_third_party', appliedCouponAmount: 500 })
  bill('202609', 0, { paymentStatus: 'lessThanMinimumCharge', appliedCouponAmount: 1200 })
  return soracom
}

/**
 * November 2026 so far in the fake SORACOM: `through` days from 1,200 yen a day, 40 yen more each
 * day, 3,000 yen charged monthly, and on the last day `last` yen when given (a spike).
 */
function spendMonth(soracom: FakeSoracom, through: number, last?: number): void {
  const days = Array.from({ length: through }, (_, i) => ({
    date: `202611${String(i + 1).padStart(2, '0')}`,
    amount: last !== undefined && i + 1 === through ? last : 1200 + i * 40,
  }))
  soracom.daily.set('202611', days)
  if (!soracom.daily.has('202610'))
    soracom.daily.set(
      '202610',
      Array.from({ length: 31 }, (_, i) => ({
        date: `202610${String(i + 1).padStart(2, '0')}`,
        amount: 1300,
      })),
    )
  const amount = 3000 + days.reduce((a, d) => a + d.amount, 0)
  soracom.latest = {
    amount,
    currency: 'JPY',
    lastEvaluatedTime: `202611${String(through + 1).padStart(2, '0')}090000`,
  }
  soracom.billItems = [
    {
      yearMonth: '202611',
      currency: 'JPY',
      costBreakdownList: [
        { billItemName: 'データ通信料（plan-D）', amount: Math.round(amount * 0.62) },
        { billItemName: '基本料金（plan-D）', amount: Math.round(amount * 0.28) },
        { billItemName: 'SORACOM Harvest Data', amount: Math.round(amount * 0.1) },
      ],
    },
  ]
  soracom.simCosts = [
    {
      yearMonth: '202611',
      currency: 'JPY',
      costBreakdownList: Array.from({ length: 6 }, (_, i) => ({
        simId: `89811000001234567${String(i).padStart(2, '0')}`,
        amount: Math.round(amount * (0.3 - i * 0.04)),
      })),
    },
  ]
}

/** Resolves once every stored reminder due within Slack's horizon is held by Slack. */
async function waitForHandOver(file: string, now: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const db = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as {
      reminders?: Array<{ state: string; dueAt: string; handoverStartedAt?: string }>
    }
    const reminders = db.reminders ?? []
    const waiting = reminders.filter(
      (r) =>
        (r.state === 'pending' && Date.parse(r.dueAt) - now < SLACK_SCHEDULE_HORIZON_MS) ||
        r.handoverStartedAt !== undefined,
    )
    if (reminders.length > 0 && waiting.length === 0) return
    if (Date.now() > deadline) throw new Error(`${waiting.length} reminders were never handed to Slack`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** What the demo showed, printed as its last lines. */
const SUMMARY = [
  '',
  '# demo finished',
  '見せたもの: 4 つの依頼フロー（入力エラーはモーダル内で表示）、請求カレンダーのリマインド、App Home、',
  'SORACOM 連携（請求の読み取り・CSV・SORACOM が判断する再発行）、確定・支払いエラー・連携切れのお知らせ、',
  '予算（80 %・100 %）・月末予測・急増のお知らせと利用料金のグラフ、',
  'Slack OAuth でインストールした 2 つのワークスペース（互いのデータは見えず、片方のアンインストールでもう片方は続く）。',
  'データはすべて一時フォルダーに置かれ、終了時に削除しました。',
]

export async function runDemo(print: (line: string) => void): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'billing-bot-demo-'))
  try {
    await runDemoIn(dir, print)
  } finally {
    // Whatever failed above, nothing is left behind.
    await rm(dir, { recursive: true, force: true })
  }
}

async function runDemoIn(dir: string, print: (line: string) => void): Promise<void> {
  // The demo restarts the bot and waits for its checks: on a loaded machine that takes a while.
  const slack = await new FakeSlack({ waitTimeoutMs: 60_000 }).start()
  // Slack judges post_at by the same clock the bot was given, so the demo works on any day.
  slack.now = () => Date.parse(DEMO_NOW)
  const soracom = await demoSoracom()
  let bot: BotProcess | undefined
  try {
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-demo',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      DATA_FILE: join(dir, 'db.json'),
      BOT_NOW: DEMO_NOW,
      ADMIN_USER_IDS: USER,
      SORACOM_API_URL: soracom.url,
      SORACOM_GLOBAL_API_URL: soracom.url,
      SORACOM_POLL_MINUTES: '60',
      CREDENTIALS_KEY: randomBytes(32).toString('base64'),
    }
    const started = await startListening(env, dir, 'src/main.ts')
    bot = started.bot
    let url = started.url
    print(
      `# 請求サポート — demo (bot clock fixed at ${formatJstDateTime(DEMO_NOW)} JST, fake Slack at ${slack.apiUrl})`,
    )

    let opened = 0
    let posted = 0
    const openModal = async (command: string, text = ''): Promise<View> => {
      print(`\n$ ${command}${text ? ` ${text}` : ''}`)
      await postSigned(
        url,
        slashCommandForm({
          command,
          text,
          userId: USER,
          channelId: CHANNEL,
          responseUrl: slack.responseUrl(),
        }),
      )
      const call = await slack.waitFor('views.open', () => true, { count: ++opened })
      const view = call.args.view as View & { title?: { text: string } }
      print(`モーダル「${view.title?.text ?? ''}」:`)
      print(modalFieldsToText(view.blocks as never))
      return view
    }
    const submit = async (view: View, answers: Record<string, Answer>) => {
      const shown = Object.entries(answers)
        .map(([k, v]) => `${k}=${Array.isArray(v) ? `[${v.join(',')}]` : (v ?? '∅')}`)
        .join('  ')
      print(`送信: ${shown}`)
      const res = await postSigned(url, viewSubmissionForm(view, answers, { userId: USER }))
      const body = res.json() as { response_action?: string; errors?: Record<string, string> } | undefined
      if (body?.response_action === 'errors') {
        for (const [block, message] of Object.entries(body.errors ?? {}))
          print(`  ✗ インラインエラー ${block}: ${message}`)
        return
      }
      print('  ✓ モーダルを閉じました（保存済み）')
      const call = await slack.waitFor('chat.postMessage', () => true, { count: ++posted })
      printMessage(call)
    }
    const printUpload = (upload: FakeSlack['uploads'][number] | undefined) => {
      if (!upload) return print('  （グラフはありません）')
      const size = `${upload.bytes.readUInt32BE(16)}×${upload.bytes.readUInt32BE(20)}`
      print(
        `  グラフ（files.uploadV2 → ${upload.channel}${upload.threadTs ? ' のスレッド' : ''}）: ${upload.title}、PNG ${size} px`,
      )
      // The last one shown (the over-budget alert's) is the README's picture.
      if (process.env.DEMO_SAVE_CHART) writeFileSync(process.env.DEMO_SAVE_CHART, upload.bytes)
    }
    const printMessage = (call: SlackCall) => {
      print(`\nボットの投稿（chat.postMessage → ${String(call.args.channel)}）:`)
      print(messageToText(call.args.blocks as never))
    }

    print('\n## 1. 請求書が届かない・再発行（§3.4.1）')
    const reissue = await openModal('/invoice-reissue', 'OP0123456789')
    const reissueAnswers = {
      operator_id: 'OP0123456789',
      coverage: 'jp',
      usage_month: '2026-10',
      payment_method: 'invoice',
      delivery: 'email',
      address: 'billing@example.co.jp',
      amount_zero: 'no',
      checks: ['mail_searched'],
      destination: 'np',
      company_name: '株式会社サンプル',
    }
    await submit(reissue, { ...reissueAnswers, usage_month: '2026/13' })
    await submit(reissue, reissueAnswers)

    print('\n## 2. 複数の請求書をまとめる（§3.4.3）')
    const merge = await openModal('/invoice-merge')
    const mergeAnswers = {
      mode: 'single_invoice',
      source_operator_ids: 'OP1111111111, ｏｐ２２２２２２２２２２',
      target_operator_id: 'OP2222222222',
    }
    await submit(merge, mergeAnswers)
    await submit(merge, { ...mergeAnswers, target_operator_id: 'OP3333333333' })
    const bank = await openModal('/invoice-merge')
    await submit(bank, {
      mode: 'single_bank_account',
      source_operator_ids: 'OP1111111111\nOP2222222222',
      target_operator_id: '',
    })

    print('\n## 3. 口座振替（§3.5）')
    const debit = await openModal('/direct-debit', ' ｏｐ０１２３４５６７８９ ')
    const debitAnswers = {
      operator_id: ' ｏｐ０１２３４５６７８９ ',
      coverage: 'both',
      account_type: 'corporate',
      invoice_payment: 'active',
    }
    await submit(debit, { ...debitAnswers, consent: [] })
    await submit(debit, { ...debitAnswers, consent: ['agree'] })

    print('\n## 4. アカウントの退会（§6.4）')
    const deletion = await openModal('/account-deletion', 'OP0123456789')
    await submit(deletion, { operator_id: 'OP12', cancel_date: '2026-12-15' })
    await submit(deletion, { operator_id: 'OP0123456789', cancel_date: '2026-12-15' })

    print('\n## 5. 請求カレンダーのリマインド')
    print(`\n$ /billing calendar subscribe invoice   (in #${CHANNEL})`)
    const subscribed = await postSigned(
      url,
      slashCommandForm({
        command: '/billing',
        text: 'calendar subscribe invoice',
        userId: USER,
        channelId: CHANNEL,
        responseUrl: slack.responseUrl(),
      }),
    )
    print(String((subscribed.json() as { text?: string } | undefined)?.text ?? ''))
    // The hand-over to Slack follows the answer: wait until the data file shows every reminder
    // within Slack's horizon handed over (an event, not a pause that a slow machine outruns).
    await waitForHandOver(env.DATA_FILE, Date.parse(DEMO_NOW))
    print(
      '\nSlack に予約されたリマインダー（chat.scheduleMessage、日付順、すべて 9:00 JST。120 日より先の分は保存され、近づくと予約されます）:',
    )
    const scheduled = [...slack.callsTo('chat.scheduleMessage')].sort(
      (a, b) => Number(a.args.post_at) - Number(b.args.post_at),
    )
    for (const call of scheduled) {
      const at = formatJstDateTime(new Date(Number(call.args.post_at) * 1000))
      print(`  ${at}  → ${String(call.args.channel)}  ${String(call.args.text)}`)
    }

    print('\n## 6. App Home')
    const publishes = slack.callsTo('views.publish').length
    await postSignedEvent(url, { type: 'app_home_opened', user: USER, channel: 'D0DEMO', tab: 'home' })
    const home = await slack.waitFor('views.publish', (c) => c.args.user_id === USER, {
      count: publishes + 1,
    })
    print(messageToText((home.args.view as { blocks: never }).blocks))

    print('\n## 7. SORACOM 連携（読み取り専用の SAM ユーザー、同梱の偽 SORACOM API）')
    const updates = () => slack.callsTo('views.update').length
    let updated = updates()
    const link = await openModal('/billing', 'link')
    const linkAnswers = {
      operator_id: 'OP0123456789',
      coverage: 'jp',
      auth_key_id: DEMO_KEY.authKeyId,
      auth_key: DEMO_KEY.authKey,
    }
    print(
      `送信: operator_id=OP0123456789  coverage=jp  auth_key_id=${DEMO_KEY.authKeyId}  auth_key=（表示しません）`,
    )
    const linked = await postSigned(url, viewSubmissionForm(link, linkAnswers, { userId: USER }))
    print(`  ack: ${messageToText((linked.json() as { view: { blocks: never } }).view.blocks)}`)
    const result = await slack.waitFor('views.update', () => true, { count: ++updated })
    print(`  SORACOM の確認後: ${messageToText((result.args.view as { blocks: never }).blocks)}`)

    print('\n$ /billing bill 2022-08')
    const responses = () => slack.callsTo('response_url').length
    let answered = responses()
    await postSigned(
      url,
      slashCommandForm({
        command: '/billing',
        text: 'bill 2022-08',
        userId: USER,
        channelId: CHANNEL,
        responseUrl: slack.responseUrl(),
      }),
    )
    const bill = await slack.waitFor('response_url', () => true, { count: ++answered })
    print('あなたにだけ表示（ephemeral）:')
    print(messageToText(bill.args.blocks as never))
    const chartNote = await slack.waitFor('response_url', () => true, { count: ++answered })
    print(`  ${String(chartNote.args.text)}`)
    printUpload(slack.uploads.at(-1))
    const csv = (bill.args.blocks as Array<{ elements?: Array<{ action_id?: string; value?: string }> }>)
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'bill_export_csv')
    print('\n[課金詳細 CSV] を押す')
    await postSigned(
      url,
      blockActionsForm(
        { action_id: 'bill_export_csv', value: csv?.value ?? '' },
        { userId: USER, channelId: CHANNEL, responseUrl: slack.responseUrl('action') },
      ),
    )
    const exported = await slack.waitFor('response_url', () => true, { count: ++answered })
    print(`  ${String(exported.args.text)}`)

    print('\n（2026年9月分の再発行。金額とお支払い方法の質問は空欄のまま送ります）')
    const reissueLinked = await openModal('/invoice-reissue', 'OP0123456789')
    const acked = await postSigned(
      url,
      viewSubmissionForm(
        reissueLinked,
        {
          operator_id: 'OP0123456789',
          coverage: 'jp',
          usage_month: '2026-09',
          delivery: 'email',
          destination: 'soracom',
        },
        { userId: USER },
      ),
    )
    print(`  ack: ${messageToText((acked.json() as { view: { blocks: never } }).view.blocks)}`)
    const decided = await slack.waitFor('views.update', () => true, { count: ++updated })
    print(`  SORACOM の回答で判定: ${messageToText((decided.args.view as { blocks: never }).blocks)}`)
    printMessage(await slack.waitFor('chat.postMessage', () => true, { count: ++posted }))
    print(
      `\n偽 SORACOM API が受けた呼び出し: ${soracom.calls.map((c) => `${c.method} ${c.path}`).join(', ')}`,
    )

    print(
      '\n## 8. ボットからのお知らせ（連携中のオペレーターのチェック: 起動時と SORACOM_POLL_MINUTES ごと）',
    )
    const restart = async () => {
      bot?.child.kill('SIGTERM')
      await bot?.exited
      const again = await startListening(env, dir, 'src/main.ts')
      bot = again.bot
      url = again.url
    }
    await restart()
    // The start-up check has read SORACOM and stored what it saw (its log line says so).
    if (bot) await waitForOutput(bot, /soracom checks done/, 10_000)
    print('再起動時のチェック: 確定済みの月を記録（お知らせなし）')
    print('…SORACOM で 2026年10月分が確定し、その支払いがカード会社に断られる…')
    soracom.bills.set('202610', {
      yearMonth: '202610',
      amount: 28734,
      currency: 'JPY',
      state: 'closed',
      paymentStatus: 'fail',
    })
    soracom.paymentMethod = { providerType: 'WebPay', errorCode: 'card_declined' }
    await restart()
    for (let n = 0; n < 2; n++) {
      const alert = await slack.waitFor('chat.postMessage', () => true, { count: ++posted })
      printMessage(alert)
    }
    print('\n…誰かが SORACOM で SAM ユーザーの認証キーを削除する…')
    soracom.keys.clear()
    soracom.tokens.clear()
    await restart()
    printMessage(await slack.waitFor('chat.postMessage', () => true, { count: ++posted }))

    print('\n## 9. 予算・月末予測・急増のお知らせと利用料金のグラフ')
    print('…認証キーを作り直して連携を戻し、今月（2026年11月）の日ごとの速報値が SORACOM に出ている…')
    soracom.keys.set(DEMO_KEY.authKeyId, { authKey: DEMO_KEY.authKey, operatorId: 'OP0123456789' })
    spendMonth(soracom, 20)
    const uploadsBefore = slack.callsTo('files.completeUploadExternal').length
    print('\n$ /billing budget OP0123456789 54000')
    await postSigned(
      url,
      slashCommandForm({
        command: '/billing',
        text: 'budget OP0123456789 54000',
        userId: USER,
        channelId: CHANNEL,
        responseUrl: slack.responseUrl(),
      }),
    )
    const budgetSet = await slack.waitFor('response_url', () => true, { count: ++answered })
    print(`あなたにだけ表示: ${String(budgetSet.args.text)}`)
    print('\n…11月25日までの速報値: 予算の 80 % を超え、このペースでは月末に予算を超える…')
    spendMonth(soracom, 25)
    await restart()
    for (let n = 0; n < 2; n++) {
      printMessage(await slack.waitFor('chat.postMessage', () => true, { count: ++posted }))
    }
    // Each alert has the chart in its thread.
    await slack.waitFor('files.completeUploadExternal', () => true, { count: uploadsBefore + 2 })
    printUpload(slack.uploads.at(-1))
    print('\n…翌日、ふだんの 5 倍の通信があった 26日の分が反映され、予算を超える…')
    spendMonth(soracom, 26, 9500)
    await restart()
    for (let n = 0; n < 2; n++) {
      printMessage(await slack.waitFor('chat.postMessage', () => true, { count: ++posted }))
    }
    await slack.waitFor('files.completeUploadExternal', () => true, { count: uploadsBefore + 4 })
    printUpload(slack.uploads.at(-1))
    await restart()
    if (bot) await waitForOutput(bot, /soracom checks done/, 10_000)
    const repeats = slack.callsTo('chat.postMessage').length - posted
    print(`\nもう一度再起動してチェック: 新しいお知らせ ${repeats} 件（お知らせは種類・月ごとに一度だけ）。`)

    bot.child.kill('SIGTERM')
    await bot.exited
    bot = undefined
    await twoWorkspaces(dir, slack, print)
    for (const line of SUMMARY) print(line)
  } finally {
    if (bot) {
      bot.child.kill('SIGTERM')
      await bot.exited
    }
    await soracom.stop()
    // Last: it throws when the bot sent a payload real Slack would refuse.
    await slack.stop()
  }
}

const ACME: FakeTeam = { id: 'T0ACME0001', name: 'Acme 商事' }
const BETA: FakeTeam = { id: 'T0BETA0001', name: 'Beta 工業' }

/** The text of a page the bot served (its headings and paragraphs, tags dropped). */
const pageText = (html: string) =>
  [...html.matchAll(/<(h1|p)[^>]*>(.*?)<\/\1>/gs)].map((m) => (m[2] ?? '').replace(/<[^>]+>/g, '')).join(' ')

/**
 * The bot as a distributed app (OAuth): two workspaces install it through /slack/install, each
 * gets its own token; one's ticket is invisible to the other, and one's uninstall leaves the other
 * as it was.
 */
async function twoWorkspaces(dir: string, slack: FakeSlack, print: (line: string) => void): Promise<void> {
  print('\n## 10. 複数のワークスペース（Slack OAuth で配布）')
  const file = join(dir, 'oauth', 'db.json')
  const { bot, url } = await startListening(
    {
      SLACK_CLIENT_ID: FAKE_OAUTH_APP.clientId,
      SLACK_CLIENT_SECRET: FAKE_OAUTH_APP.clientSecret,
      SLACK_STATE_SECRET: randomBytes(24).toString('base64'),
      APP_BASE_URL: 'https://billing-bot.example.com',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      SLACK_API_URL: slack.apiUrl,
      DATA_FILE: file,
      BOT_NOW: DEMO_NOW,
      SORACOM_POLL_MINUTES: '0',
    },
    dir,
    'src/main.ts',
  )
  try {
    print(
      'SLACK_CLIENT_ID などを設定して起動。ブラウザーで /slack/install → Slack の「許可する」 → /slack/oauth_redirect:',
    )
    for (const team of [ACME, BETA]) {
      const page = await installInBrowser(url, slack, team)
      print(`  ${team.name}: ${pageText(page.html)}`)
    }

    const alice = { userId: 'U0ALICE', teamId: ACME.id }
    print(`\n$ /direct-debit   (${ACME.name} の U0ALICE)`)
    const opens = slack.callsTo('views.open').length
    await postSigned(
      url,
      slashCommandForm({
        command: '/direct-debit',
        text: '',
        ...alice,
        channelId: CHANNEL,
        responseUrl: slack.responseUrl(),
      }),
    )
    const opened = await slack.waitFor('views.open', () => true, { count: opens + 1 })
    const posts = slack.callsTo('chat.postMessage').length
    await postSigned(
      url,
      viewSubmissionForm(
        opened.args.view as View,
        {
          operator_id: 'OP0123456789',
          coverage: 'jp',
          account_type: 'corporate',
          invoice_payment: 'active',
          consent: ['agree'],
        },
        alice,
      ),
    )
    const post = await slack.waitFor('chat.postMessage', () => true, { count: posts + 1 })
    print(
      `  ✓ 依頼を投稿（chat.postMessage、${slack.teamOf(post) === ACME.id ? `${ACME.name} のトークン` : 'ほかのトークン'}）`,
    )
    const tokens = new Set(
      slack.calls.filter((c) => slack.teamOf(c) !== undefined).map((c) => slack.teamOf(c)),
    )
    print(`  OAuth で発行されたトークンを使ったワークスペース: ${[...tokens].join(', ')}`)
    print(
      `  データファイルにトークンの平文なし: ${(await readFile(file, 'utf8')).includes(tokenOf(post) ?? 'xoxb-') ? 'いいえ' : 'はい'}`,
    )

    const tickets = async (who: { userId: string; teamId: string }, name: string) => {
      const res = await postSigned(
        url,
        slashCommandForm({
          command: '/billing',
          text: 'tickets',
          ...who,
          channelId: CHANNEL,
          responseUrl: slack.responseUrl(),
        }),
      )
      const body = res.json() as { blocks?: never } | undefined
      print(`\n$ /billing tickets   (${name})`)
      print(messageToText(body?.blocks ?? []))
    }
    await tickets(alice, `${ACME.name} の U0ALICE`)
    await tickets(
      { userId: 'U0ALICE', teamId: BETA.id },
      `${BETA.name} の U0ALICE — 同じユーザー ID でも別のワークスペース`,
    )

    print(`\n…${ACME.name} がアプリをアンインストールする（app_uninstalled イベント）…`)
    await postSignedEvent(url, { type: 'app_uninstalled' }, { teamId: ACME.id })
    await waitForOutput(bot, /installation ended; its data deleted/, 10_000)
    const main = JSON.parse(await readFile(file, 'utf8')) as { workspaces: Record<string, unknown> }
    print(
      `  データファイルに残るワークスペース: ${Object.keys(main.workspaces).join(', ')}（${ACME.name} のデータは削除）`,
    )
    const settings = await postSigned(
      url,
      slashCommandForm({
        command: '/billing',
        text: 'settings',
        userId: 'U0BOB',
        teamId: BETA.id,
        channelId: CHANNEL,
        responseUrl: slack.responseUrl(),
      }),
    )
    print(`\n$ /billing settings   (${BETA.name} の U0BOB — 続けて使えます)`)
    print(messageToText((settings.json() as { blocks?: never } | undefined)?.blocks ?? []))
  } finally {
    bot.child.kill('SIGTERM')
    await bot.exited
  }
}
