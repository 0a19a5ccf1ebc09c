import { readdir, readFile, writeFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { billingDatesFor } from '../../src/domain/billing-calendar.js'
import { createChecklist } from '../../src/domain/checklist.js'
import { CHECKLIST_DEFINITIONS } from '../../src/domain/checklist-definitions.js'
import { evaluateDirectDebit } from '../../src/domain/direct-debit.js'
import { evaluateInvoiceMerge } from '../../src/domain/invoice-merge.js'
import { evaluateInvoiceReissue, type InvoiceReissueRequest } from '../../src/domain/invoice-reissue.js'
import type { OperatorId } from '../../src/domain/operator-id.js'
import type { PlainDate, YearMonth } from '../../src/domain/plain-date.js'
import { createReminder } from '../../src/domain/reminder.js'
import { createTicket } from '../../src/domain/ticket.js'
import { calendarSubscribedText } from '../../src/render/calendar.js'
import { renderChecklist } from '../../src/render/checklist.js'
import { ACCOUNT_DELETION_WARNINGS } from '../../src/render/checklist-steps.js'
import { describeChecklist } from '../../src/render/checklist-view.js'
import { NP_SUPPORT_DESK, SORACOM_SUPPORT } from '../../src/render/contacts.js'
import { DIRECT_DEBIT_NOTES, DIRECT_DEBIT_PROCESS } from '../../src/render/guide-text.js'
import { homeView } from '../../src/render/home.js'
import { npInvoiceMailSubject } from '../../src/render/labels.js'
import { reminderListMessage, reminderMessage } from '../../src/render/reminder.js'
import { createRenderer, splitTicketText, TEMPLATES_DIR } from '../../src/render/templates.js'
import { renderTicketMessage } from '../../src/render/ticket.js'
import { renderTicketList } from '../../src/render/ticket-list.js'
import {
  directDebitTicketModel,
  reissueGuidanceModel,
  reissueTicketModel,
} from '../../src/render/ticket-models.js'
import { describeTicket } from '../../src/render/ticket-view.js'

const renderer = createRenderer()
const goldenPath = (name: string) => new URL(`./golden/${name}.txt`, import.meta.url)

/** Compares with the golden file; `UPDATE_GOLDEN=1 npm test` rewrites it so the change shows in review. */
async function expectGolden(name: string, actual: string): Promise<void> {
  if (process.env.UPDATE_GOLDEN) await writeFile(goldenPath(name), actual)
  expect(actual).toBe(await readFile(goldenPath(name), 'utf8'))
}

const OP = 'OP0123456789' as OperatorId
const reissueRequest: InvoiceReissueRequest = {
  operatorId: OP,
  coverage: 'jp',
  usageMonth: '2027-04' as YearMonth,
  paymentMethod: 'invoice',
  delivery: 'email',
  address: 'billing@example.co.jp',
  amountZero: 'unknown',
  checks: ['mail_searched'],
  destination: 'soracom',
}

function outcomeOf<T extends { kind: string }, K extends T['kind']>(
  outcome: T,
  kind: K,
): Extract<T, { kind: K }> {
  if (outcome.kind !== kind) throw new Error(`expected ${kind}, got ${outcome.kind}`)
  return outcome as Extract<T, { kind: K }>
}

const reissueTicket = outcomeOf(evaluateInvoiceReissue(reissueRequest, '2027-05-20' as PlainDate), 'ticket')
const reissueEarly = outcomeOf(evaluateInvoiceReissue(reissueRequest, '2027-05-06' as PlainDate), 'too_early')
const directDebitRequest = {
  operatorId: OP,
  coverage: 'both' as const,
  accountType: 'corporate' as const,
  invoicePayment: 'active' as const,
  consent: true,
}
outcomeOf(evaluateDirectDebit(directDebitRequest), 'ticket')
const directDebit = { model: directDebitTicketModel(directDebitRequest) }
const reissueTicketView = reissueTicketModel(reissueRequest, reissueTicket)
const merge = outcomeOf(
  evaluateInvoiceMerge({
    mode: 'single_invoice',
    sources: ['OP1111111111', 'OP2222222222'] as OperatorId[],
    target: 'OP3333333333' as OperatorId,
  }),
  'ticket',
)

/** One view model per template file: every template has a golden file. */
const TICKETS: Record<string, object> = {
  'direct-debit': directDebit.model,
  'invoice-reissue-soracom': reissueTicketView,
  'invoice-reissue-np': { ...reissueTicketView, destination: 'np', companyName: '株式会社サンプル' },
  'invoice-merge': merge.model,
  'bank-account-inquiry': { operatorId: OP, coverageLabel: '日本' },
  'company-name-change': {
    operatorId: OP,
    currentName: '株式会社サンプル',
    newName: '株式会社サンプルホールディングス',
    reasonLabel: '商号変更',
  },
}

const GUIDANCE: Record<string, object> = {
  'direct-debit-ticket': {
    operatorId: OP,
    support: SORACOM_SUPPORT,
    np: NP_SUPPORT_DESK,
    notes: DIRECT_DEBIT_NOTES,
    process: DIRECT_DEBIT_PROCESS,
  },
  'direct-debit-individual-account': { operatorId: OP },
  'direct-debit-invoice-payment-required': {
    operatorId: OP,
    applicationUrl: 'https://soracom.jp/contact/bill_payment/',
  },
  'invoice-reissue-ticket': {
    ...reissueGuidanceModel(reissueTicket.context),
    destination: 'np',
    support: SORACOM_SUPPORT,
    np: NP_SUPPORT_DESK,
  },
  'invoice-reissue-too-early': {
    ...reissueGuidanceModel(reissueEarly.context),
    expectedOn: reissueEarly.expectedOn,
    waitUntil: reissueEarly.waitUntil,
    remindOn: reissueEarly.remindOn,
    issued: reissueEarly.issued,
  },
  'invoice-reissue-no-invoice': {
    ...reissueGuidanceModel(reissueTicket.context),
    zeroAmount: true,
    cardPayment: false,
  },
  'invoice-merge-ticket': { ...merge.model, support: SORACOM_SUPPORT },
  'invoice-merge-self-service': {
    operatorIds: ['OP1111111111', 'OP2222222222'],
    representative: 'OP1111111111',
  },
  'bank-account-inquiry-ticket': { operatorId: OP, support: SORACOM_SUPPORT },
  'bank-account-too-early': { operatorId: OP, applicationUrl: 'https://soracom.jp/contact/bill_payment/' },
  'company-name-change-ticket': { operatorId: OP, support: SORACOM_SUPPORT },
  'company-name-change-not-possible': { operatorId: OP },
  'login-recovery-checklist': {
    mail: 'contact-us@soracom.jp',
    operatorId: OP,
    companyName: '株式会社サンプル',
    applicant: '山田 花子',
    newEmail: 'billing@example.co.jp',
  },
  'invoice-application-diagnosis': {
    findings: [
      {
        cause: '③ 住所欄に都道府県を書いています。',
        fix: '住所欄には都道府県を書かず、市区町村から先を入力します。',
      },
    ],
    applicationUrl: 'https://soracom.jp/contact/bill_payment/',
  },
  'payment-error-checklist': {
    cause:
      'OP0123456789（日本）に登録されているクレジットカードで決済できません: カード会社に決済を断られました（`card_declined`）。',
    card: true,
    individual: false,
    watched: true,
  },
  'account-deletion-checklist': {
    operatorId: OP,
    cancelDate: '2027-04-15',
    finalInvoice: billingDatesFor('2027-04' as YearMonth),
    paymentMethod: 'unknown',
    warnings: ACCOUNT_DELETION_WARNINGS,
  },
  'reminder-calendar-amount-final': {
    usageMonthLabel: '2027年4月',
    invoiceIssued: '2027-05-11',
    paymentDue: '2027-05-31',
    paymentMethod: 'invoice',
  },
  'reminder-calendar-invoice-issued': {
    usageMonthLabel: '2027年4月',
    npMailSubject: npInvoiceMailSubject('2027-04' as YearMonth),
    paymentDue: '2027-05-31',
    paymentMethod: 'invoice',
  },
  'reminder-calendar-due-soon': {
    usageMonthLabel: '2027年4月',
    paymentDue: '2027-05-31',
    daysLeft: 3,
    paymentMethod: 'invoice',
  },
  'reminder-calendar-due': {
    usageMonthLabel: '2026年12月',
    paymentDue: '2027-01-31',
    dueToday: false,
    paymentMethod: 'invoice',
    np: NP_SUPPORT_DESK,
  },
  'reminder-direct-debit-form-arrival': { operatorId: OP, np: NP_SUPPORT_DESK },
  'reminder-direct-debit-form-return': { operatorId: OP },
  'reminder-direct-debit-result-due': { operatorId: OP, np: NP_SUPPORT_DESK },
  'reminder-direct-debit-invoice-due': { operatorId: OP, paymentDue: '2027-01-31', payBy: '2027-01-29' },
  'reminder-deletion-invoice-issued': {
    operatorId: OP,
    usageMonthLabel: '2027年4月',
    npMailSubject: npInvoiceMailSubject('2027-04' as YearMonth),
    paymentDue: '2027-05-31',
  },
  'reminder-deletion-payment-due': { operatorId: OP, paymentDue: '2027-01-31', payBy: '2027-01-29' },
  'billing-help': { np: NP_SUPPORT_DESK },
  'reminder-invoice-expected': {
    operatorId: OP,
    usageMonthLabel: '2027年4月',
    npMailSubject: npInvoiceMailSubject('2027-04' as YearMonth),
  },
}

async function templateNames(folder: string): Promise<string[]> {
  const files = await readdir(new URL(folder, `file://${TEMPLATES_DIR}`))
  return files.filter((f) => f.endsWith('.njk') && !f.startsWith('_')).map((f) => f.replace(/\.njk$/, ''))
}

describe('ticket templates (golden files)', () => {
  it('has a golden fixture for every ticket template', async () => {
    expect((await templateNames('tickets/')).sort()).toEqual(Object.keys(TICKETS).sort())
  })

  it.each(Object.entries(TICKETS))('renders %s as its golden file', async (name, model) => {
    await expectGolden(`ticket-${name}`, renderer.ticket(name, model).full)
  })

  it('renders the direct-debit request exactly as §3.5.1 documents it', () => {
    const text = renderer.ticket('direct-debit', directDebit.model)
    expect(text.subject).toBe('口座振替の希望')
    expect(text.body).toBe('オペレーター ID: OP0123456789\n対象カバレッジ: 両方\n上記の注意点: 同意')
  })

  it('writes one documented 統合元 line per source and one 統合先 line', () => {
    const { body } = renderer.ticket('invoice-merge', merge.model)
    expect(body).toContain('統合元のオペレーター ID : OP1111111111\n統合元のオペレーター ID : OP2222222222\n')
    expect(body.match(/統合先のオペレーター ID : /g)).toHaveLength(1)
    expect(body).toContain('統合先のオペレーター ID : OP3333333333')
  })

  it('fails loudly when a view-model field is missing rather than leaving a blank in a ticket', () => {
    expect(() => renderer.ticket('direct-debit', { operatorId: 'OP0123456789' })).toThrow()
  })
})

describe('guidance templates (golden files)', () => {
  it('has a golden fixture for every guidance template', async () => {
    expect((await templateNames('guidance/')).sort()).toEqual(Object.keys(GUIDANCE).sort())
  })

  it.each(Object.entries(GUIDANCE))('renders %s as its golden file', async (name, model) => {
    await expectGolden(`guidance-${name}`, renderer.guidance(name, model))
  })

  it('escapes user text in guidance so it cannot ping a channel', () => {
    const text = renderer.guidance('direct-debit-individual-account', { operatorId: '<!channel>' })
    expect(text).not.toContain('<!channel>')
    expect(text).toContain('&lt;!channel&gt;')
  })
})

describe('splitTicketText', () => {
  it('rejects text that does not start with the 件名 line', () => {
    expect(() => splitTicketText('本文:\nx')).toThrow(/件名/)
  })
})

/** The Slack messages built around tickets, checklists, lists and App Home, as text to scan. */
function messageBuilderTexts(): Array<readonly [string, string]> {
  const now = new Date('2026-11-26T01:00:00.000Z')
  const ticket = createTicket(
    {
      kind: 'invoice_reissue',
      destination: 'soracom',
      operatorId: OP,
      request: {
        coverage: 'jp',
        usageMonth: '2027-04',
        paymentMethod: 'invoice',
        delivery: 'email',
        address: 'billing@example.co.jp',
        amountZero: 'no',
        checks: [],
      },
      requester: 'U0ALICE',
      channel: 'C0BILLING',
    },
    renderer.ticket('invoice-reissue-soracom', reissueTicketView),
    { id: 'T1', now },
  )
  const checklist = createChecklist(
    {
      kind: 'account_deletion',
      operatorIds: [OP],
      cancelDate: '2027-01-15',
      requester: 'U0ALICE',
      channel: 'C0BILLING',
    },
    CHECKLIST_DEFINITIONS.account_deletion.steps,
    { id: 'C1', now },
  )
  const reminder = createReminder(
    {
      kind: 'calendar_due',
      key: 'calendar:C0BILLING:2027-04:calendar_due',
      owner: 'U0ALICE',
      channel: 'U0ALICE',
      dueDate: '2027-05-31',
      dueAt: '2027-05-31T00:00:00.000Z',
      text: '*本日 2027年5月31日(月) は支払期限です*',
    },
    { id: 'R1', now },
  )
  const json = (m: unknown) => JSON.stringify(m)
  return [
    ['ticket message', json(renderTicketMessage(renderer, describeTicket(ticket, [])))],
    ['checklist message', json(renderChecklist(renderer, describeChecklist(checklist)))],
    ['App Home', json(homeView({ tickets: [ticket], reminders: [reminder] }))],
    ['ticket list', json(renderTicketList([ticket], { kind: 'mine' }))],
    ['reminder list', json(reminderListMessage([reminder]))],
    ['reminder', json(reminderMessage(reminder, true))],
    [
      'subscription answer',
      calendarSubscribedText({
        kind: 'subscribed',
        subscription: {
          id: 'S1',
          channel: 'C0BILLING',
          subscribedBy: 'U0ALICE',
          paymentMethod: 'invoice',
          createdAt: now.toISOString(),
        },
        upcoming: [reminder],
      }),
    ],
  ]
}

/**
 * One Japanese style everywhere users read (domain.md, "Decisions and corrections"): months and
 * hours unpadded (zero padding only inside NP's mail subject), no ISO dates, a space between a
 * number and its unit, no nested brackets, 「受け付けられません」 not 「お断り」, 「対象月」 not 「当月」.
 */
function styleProblems(text: string): string[] {
  const withoutNpSubject = text.replace(
    /【NP 掛け払い】請求書送付のご案内\(株式会社ソラコム ご利用分 締日：[^)]*\)/g,
    '',
  )
  const rules: Array<[RegExp, string]> = [
    [/\d{4}年0\d月/, 'zero-padded month'],
    [/\b0\d:\d\d\b/, 'zero-padded hour'],
    [/(?<![\w/.-])\d{4}-\d{2}(-\d{2})?(?![\w/.-])/, 'ISO date'],
    [/\d(か月|営業日|円)/, 'number without a space before its unit'],
    [/（[^）]*（/, 'nested brackets'],
    [/お断り/, 'お断り'],
    [/(?<!該)当月/, '当月'],
    // Issue 24, style: one voice, the bot's.
    [/[）」』] [ぁ-んァ-ヶ一-龠]/, 'space after a full-width bracket'],
    [/[ぁ-ん]\d/, 'no space before a number'],
    [/(?<!銀行)休業日/, '休業日 (say 銀行休業日)'],
    [/承れ|承ることが|お客様|ご案内します/, "SORACOM's voice"],
    [/対象月の[^。]*の月/, 'the month said twice'],
  ]
  return rules.filter(([pattern]) => pattern.test(withoutNpSubject)).map(([, what]) => what)
}

describe('one Japanese style in every rendered template', () => {
  it.each([
    ...Object.entries(TICKETS).map(
      ([name, model]) => [`ticket ${name}`, renderer.ticket(name, model).full] as const,
    ),
    ...Object.entries(GUIDANCE).map(
      ([name, model]) => [`guidance ${name}`, renderer.guidance(name, model)] as const,
    ),
    ...messageBuilderTexts(),
  ])('%s has no forbidden pattern', (_name, text) => {
    expect(styleProblems(text)).toEqual([])
  })

  it('catches each forbidden pattern (the scan itself can fail)', () => {
    expect(styleProblems('2027年04月')).toEqual(['zero-padded month'])
    expect(styleProblems('2026-10 ご利用分')).toEqual(['ISO date'])
    expect(styleProblems('約2か月')).toEqual(['number without a space before its unit'])
    expect(styleProblems('（10:00-17:00（土日祝日を除く））')).toEqual(['nested brackets'])
    expect(styleProblems('依頼はお断りされます')).toEqual(['お断り'])
    expect(styleProblems('当月の請求金額')).toEqual(['当月'])
    expect(styleProblems('OP0123456789（日本） の連携')).toEqual(['space after a full-width bracket'])
    expect(styleProblems('（例: OP0123456789） を入力')).toEqual(['space after a full-width bracket'])
    expect(styleProblems('本日 2026年11月30日(月) は2026年10月ご利用分')).toEqual([
      'no space before a number',
    ])
    expect(styleProblems('1月31日(日) は休業日です')).toEqual(['休業日 (say 銀行休業日)'])
    expect(styleProblems('申請を承れません')).toEqual(["SORACOM's voice"])
    expect(styleProblems('お客様自身が手続きします')).toEqual(["SORACOM's voice"])
    expect(styleProblems('次の画面でご案内します')).toEqual(["SORACOM's voice"])
    expect(styleProblems('対象月の請求金額が 0 円の月は')).toEqual(['the month said twice'])
    expect(
      styleProblems('【NP 掛け払い】請求書送付のご案内(株式会社ソラコム ご利用分 締日：2027年04月30日)'),
    ).toEqual([])
  })
})

describe('corrections from the review against the guide (domain.md, "Decisions and corrections")', () => {
  it('names no sender console for a merge request: the guide names none (§3.4.3)', () => {
    expect(renderer.guidance('invoice-merge-ticket', GUIDANCE['invoice-merge-ticket'] ?? {})).not.toContain(
      'コンソールから送信',
    )
  })

  it('explains all three causes of E1999507, with the individual-code condition (§3.3.1)', () => {
    const text = renderer.guidance(
      'direct-debit-invoice-payment-required',
      GUIDANCE['direct-debit-invoice-payment-required'] ?? {},
    )
    expect(text).toContain('E1999507')
    expect(text).toContain('① 郵便番号が日本郵便のデータベースにない')
    expect(text).toContain('インターネットへの掲載を希望していない大口事業所の個別番号')
    expect(text).toContain('② 郵便番号と住所が一致していない')
    expect(text).toContain('③ 住所欄の書き方')
  })

  it('says the bank account differs per coverage only when each coverage applied separately (§3.4.2, §3.7.1)', () => {
    const text = renderer.guidance('reminder-calendar-due-soon', GUIDANCE['reminder-calendar-due-soon'] ?? {})
    expect(text).toContain('カバレッジごとに請求書払いを申し込んだ場合はカバレッジごとにも異なります')
  })

  it('announces the amount as final today and says to check it in the console, coverage first (§4.3)', () => {
    const text = renderer.guidance(
      'reminder-calendar-amount-final',
      GUIDANCE['reminder-calendar-amount-final'] ?? {},
    )
    expect(text).toContain('本日、2027年4月ご利用分の請求金額が確定します')
    expect(text).not.toContain('確定しました')
    expect(text.indexOf('カバレッジ')).toBeLessThan(text.indexOf('ご利用料金'))
  })

  it('completes the help: §7.3 asks for the new e-mail address, §3.8.1 covers a card that can no longer be used', () => {
    const help = renderer.guidance('billing-help', { np: NP_SUPPORT_DESK })
    expect(help).toContain('変更を希望するメールアドレスも')
    expect(help).toContain('個人アカウントは別のカードの登録のみ')
  })

  it('writes the customer\u2019s own tickets without ご on their own request (「依頼内容:」, domain.md)', () => {
    for (const [name, model] of Object.entries(TICKETS))
      expect(renderer.ticket(name, model).full).not.toContain('ご依頼')
  })

  it('writes the login-recovery mail as a mail: addressee, greeting, who writes, closing (§7.3)', () => {
    const text = renderer.guidance('login-recovery-checklist', GUIDANCE['login-recovery-checklist'] ?? {})
    expect(text).toContain('株式会社ソラコム ご担当者様')
    expect(text).toContain('お世話になっております。株式会社サンプルの山田 花子と申します。')
    expect(text).toContain('よろしくお願いいたします。')
  })

  it('points to the article §3.3.2 and §6.2 say to read before asking for a company-name change', () => {
    const text = renderer.guidance('company-name-change-ticket', GUIDANCE['company-name-change-ticket'] ?? {})
    expect(text).toContain('https://soracom.zendesk.com/hc/ja/articles/115004923648')
  })

  it('tells a card payer\u2019s channel on amount-final day that no invoice comes, and when the card is charged (§4.1.1)', () => {
    const text = renderer.guidance('reminder-calendar-amount-final', {
      ...GUIDANCE['reminder-calendar-amount-final'],
      paymentMethod: 'card',
    })
    expect(text).not.toContain('請求書は 2027年5月11日')
    expect(text).not.toContain('支払期限')
    expect(text).toContain('翌月初めにカード会社へ請求され')
  })
})
