import { askGuide } from '../../app/ask-guide.js'
import { removeBudget, setBudget } from '../../app/budgets.js'
import type { AppDeps } from '../../app/deps.js'
import { setDigest } from '../../app/digests.js'
import { handOverCalendar } from '../../app/follow-up.js'
import { keepDeclined, reportQuestions } from '../../app/guide-feedback.js'
import { unlinkOperator } from '../../app/link-operator.js'
import { listTickets } from '../../app/list-tickets.js'
import { billReport } from '../../app/read-bill.js'
import { pendingReminders } from '../../app/reminders.js'
import { subscribeCalendar } from '../../app/subscribe-calendar.js'
import { unsubscribeCalendar } from '../../app/unsubscribe-calendar.js'
import { sendSpendChart } from '../../app/watch-spend.js'
import type { BillTarget } from '../../domain/bill-report.js'
import { CALENDAR_PAYMENT_METHODS, type CalendarPaymentMethod } from '../../domain/calendar-subscription.js'
import { COVERAGES } from '../../domain/coverage.js'
import { DIGEST_CADENCES } from '../../domain/digest.js'
import { isOperatorId, normalizeOperatorId } from '../../domain/operator-id.js'
import { parseYearMonth } from '../../domain/plain-date.js'
import { answerMessage, questionReportMessage } from '../../render/answer.js'
import { billReportMessage } from '../../render/bill.js'
import {
  BILLING_TEXT,
  billingHelpMessage,
  calendarUnsubscribedText,
  unknownSubcommandText,
  unlinkedText,
} from '../../render/billing-command.js'
import { calendarSubscribedText } from '../../render/calendar.js'
import { calendarSubscribeModal } from '../../render/modals/calendar-subscribe.js'
import { operatorLinkModal } from '../../render/modals/operator-link.js'
import { operatorListMessage } from '../../render/operators.js'
import { ADMINS_ONLY_TEXT, refusalText } from '../../render/refusals.js'
import { reminderListMessage } from '../../render/reminder.js'
import { budgetListText, budgetOutcomeText, DIGEST_TEXT, SPEND_TEXT } from '../../render/spend.js'
import { renderTicketList, type TicketScope } from '../../render/ticket-list.js'
import { openModal } from '../open-modal.js'
import { encodeOrigin } from '../private-metadata.js'
import { billingSettings } from './billing-settings.js'
import type { CommandListener } from './open-flow-modal.js'

/** The words after `/billing`: subcommand, its argument, and a page number if one was given. */
export function parseBillingText(text: string): { sub: string; arg: string; page: number } {
  const words = text.slice(0, 200).normalize('NFKC').trim().toLowerCase().split(/\s+/).filter(Boolean)
  const [sub = 'help', arg = ''] = words
  const number = words.find((w) => /^\d{1,4}$/.test(w))
  return { sub, arg, page: number ? Math.max(1, Number(number)) : 1 }
}

/** The payment-method word after `calendar subscribe`, if one was given. */
export function parseCalendarPaymentMethod(text: string): CalendarPaymentMethod | undefined {
  const word = text.normalize('NFKC').trim().toLowerCase().split(/\s+/)[2]
  return CALENDAR_PAYMENT_METHODS.find((m) => m === word)
}

/** The operator, coverage and month after `bill` / `unlink`, in any order; `bad` names a word that is none of them. */
export function parseBillTarget(text: string): BillTarget & { bad?: string } {
  const words = text.slice(0, 200).normalize('NFKC').trim().split(/\s+/).slice(1).filter(Boolean)
  const target: BillTarget & { bad?: string } = {}
  for (const word of words) {
    const month = parseYearMonth(word)
    const operator = normalizeOperatorId(word)
    const coverage = COVERAGES.find((c) => c === word.toLowerCase())
    if (month.ok) target.month = month.value
    else if (isOperatorId(operator)) target.operatorId = operator
    else if (coverage) target.coverage = coverage
    else target.bad ??= word.slice(0, 30).replace(/[<>&`*_~]/g, '')
  }
  return target
}

/** What every `/billing` subcommand gets: Bolt's arguments, the deps, and the parsed words. */
type SubcommandArgs = Parameters<CommandListener>[0] & {
  deps: AppDeps
  words: ReturnType<typeof parseBillingText>
  user: string
  /** Answers in the ack, visible to the user only. */
  answer: (text: string) => Promise<void>
}

/** One `/billing` subcommand: a named callback a test can call, like a Bolt listener. */
export type BillingSubcommand = (args: SubcommandArgs) => Promise<unknown>

const helpMessage = (deps: AppDeps) => billingHelpMessage(deps.renderer)

const isAdmin = ({ deps, user, context }: SubcommandArgs) => deps.isAdmin(user, context.workspaceAdmin)

export const billingHelp: BillingSubcommand = async ({ ack, deps }) => {
  await ack({ response_type: 'ephemeral', ...helpMessage(deps) })
}

export const billingTickets: BillingSubcommand = async ({ ack, deps, words, command, user }) => {
  const scope: TicketScope =
    words.arg === 'channel' ? { kind: 'channel', channel: command.channel_id } : { kind: 'mine' }
  const list = renderTicketList(await listTickets(deps, scope, user), scope, words.page)
  await ack({ response_type: 'ephemeral', ...list })
}

export const billingReminders: BillingSubcommand = async ({ ack, deps, user }) => {
  await ack({
    response_type: 'ephemeral',
    ...reminderListMessage(await pendingReminders(deps, (r) => r.owner === user)),
  })
}

export const billingOperators: BillingSubcommand = async ({ ack, deps }) => {
  await ack({ response_type: 'ephemeral', ...operatorListMessage(await deps.operators.list()) })
}

export const billingAsk: BillingSubcommand = async (args) => {
  const { ack, deps, command, respond, answer, logger, user } = args
  const question = command.text
    .trim()
    .replace(/^ask\s*/i, '')
    .slice(0, 500)
  if (question === '') return answer(BILLING_TEXT.askWithoutQuestion)
  if (/^report$/i.test(question)) {
    const report = await reportQuestions(deps, { admin: isAdmin(args) })
    if (report.kind === 'refused') return answer(refusalText(report.refusal))
    return void (await ack({ response_type: 'ephemeral', ...questionReportMessage(report) }))
  }
  await ack()
  const found = askGuide(deps, question)
  await respond({ response_type: 'ephemeral', ...answerMessage(found, { question }) }).catch(
    (error: unknown) => logger.warn('answer not delivered', { error }),
  )
  if (found.kind === 'no_answer') await keepDeclined(deps, { question, user })
}

export const billingLink: BillingSubcommand = async (args) => {
  const { ack, client, command, user, answer } = args
  if (!isAdmin(args)) return answer(ADMINS_ONLY_TEXT)
  await ack()
  await openModal(
    client,
    command.trigger_id,
    operatorLinkModal({ privateMetadata: encodeOrigin({ channel: command.channel_id, user }) }),
  )
}

export const billingUnlink: BillingSubcommand = async (args) => {
  const { deps, command, user, answer } = args
  const target = parseBillTarget(command.text)
  if (!target.operatorId || target.bad || target.month) return answer(BILLING_TEXT.unlinkUsage)
  const result = await unlinkOperator(deps, {
    user,
    admin: isAdmin(args),
    operatorId: target.operatorId,
    ...(target.coverage ? { coverage: target.coverage } : {}),
  })
  if (result.kind === 'refused') return answer(refusalText(result.refusal))
  return answer(unlinkedText(target.operatorId, target.coverage, result.removed))
}

export const billingBill: BillingSubcommand = async ({ ack, deps, command, respond, answer, logger }) => {
  const target = parseBillTarget(command.text)
  if (target.bad) return answer(BILLING_TEXT.billUnknownWord(target.bad))
  // SORACOM is asked only after the ack; the answer follows through response_url.
  await ack()
  const report = await billReport(deps, target)
  await respond({ response_type: 'ephemeral', ...billReportMessage(report) }).catch((error: unknown) =>
    logger.warn('bill answer not delivered', { error }),
  )
  // The chart follows the text, which never waits for it.
  if (report.kind !== 'bill') return
  const sent = await sendSpendChart(deps, report.link, command.user_id)
  await respond({
    response_type: 'ephemeral',
    replace_original: false,
    text: sent ? SPEND_TEXT.chartSent : SPEND_TEXT.chartFailed,
  }).catch((error: unknown) => logger.warn('chart note not delivered', { error }))
}

/** The words after `budget`: an operator, a coverage, an amount (`50,000`, `50000` with a unit, `12.5`) or `off`. */
export function parseBudgetWords(text: string): {
  operatorId?: string
  coverage?: (typeof COVERAGES)[number]
  amount?: number
  off?: boolean
  bad?: string
} {
  const words = text.slice(0, 200).normalize('NFKC').trim().split(/\s+/).slice(1).filter(Boolean)
  const out: ReturnType<typeof parseBudgetWords> = {}
  for (const word of words) {
    const operator = normalizeOperatorId(word)
    const coverage = COVERAGES.find((c) => c === word.toLowerCase())
    // NFKC made full-width digits and commas plain; a unit after the figure (yen, USD) is dropped.
    const number = word.replace(/,/g, '').replace(/(?<=\d)[^\d.]+$/u, '')
    if (isOperatorId(operator)) out.operatorId = operator
    else if (coverage) out.coverage = coverage
    else if (/^(off|remove)$/i.test(word)) out.off = true
    else if (/^\d{1,10}(\.\d{1,2})?$/.test(number) && Number(number) > 0) out.amount = Number(number)
    else out.bad ??= word.slice(0, 30).replace(/[<>&`*_~]/g, '')
  }
  return out
}

export const billingBudget: BillingSubcommand = async (args) => {
  const { ack, deps, command, respond, user, answer, logger } = args
  const words = parseBudgetWords(command.text)
  if (words.bad || (words.amount !== undefined && words.off)) return answer(SPEND_TEXT.budgetUsage)
  if (!words.operatorId) {
    if (words.amount !== undefined || words.off) return answer(SPEND_TEXT.budgetUsage)
    return answer(budgetListText(await deps.links.list()))
  }
  const base = {
    user,
    admin: isAdmin(args),
    operatorId: words.operatorId,
    ...(words.coverage ? { coverage: words.coverage } : {}),
  }
  if (words.off) return answer(budgetOutcomeText(await removeBudget(deps, base)))
  if (words.amount === undefined) return answer(SPEND_TEXT.budgetUsage)
  if (!base.admin) return answer(ADMINS_ONLY_TEXT)
  // SORACOM is read (what this month already is) only after the ack.
  await ack()
  const outcome = await setBudget(deps, { ...base, amount: words.amount })
  await respond({ response_type: 'ephemeral', text: budgetOutcomeText(outcome) }).catch((error: unknown) =>
    logger.warn('budget answer not delivered', { error }),
  )
}

export const billingDigest: BillingSubcommand = async (args) => {
  const { deps, words, command, user, answer } = args
  const cadence = words.arg === 'off' ? 'off' : DIGEST_CADENCES.find((c) => c === words.arg)
  if (!cadence) return answer(DIGEST_TEXT.usage)
  const outcome = await setDigest(deps, { user, admin: isAdmin(args), channel: command.channel_id, cadence })
  if (outcome.kind === 'refused') return answer(refusalText(outcome.refusal))
  return answer(
    outcome.kind === 'set' && cadence !== 'off'
      ? DIGEST_TEXT.set(cadence)
      : outcome.kind === 'stopped'
        ? DIGEST_TEXT.off
        : DIGEST_TEXT.noneToStop,
  )
}

export const billingCalendar: BillingSubcommand = async ({
  ack,
  deps,
  words,
  command,
  client,
  respond,
  user,
  answer,
}) => {
  if (words.arg === 'subscribe') {
    const method = parseCalendarPaymentMethod(command.text)
    if (!method) {
      // How the channel pays decides which reminders fit: ask in a modal (trigger_id lives 3 s).
      await ack()
      const privateMetadata = encodeOrigin({ channel: command.channel_id, user })
      await openModal(client, command.trigger_id, calendarSubscribeModal({ privateMetadata }))
      return
    }
    const result = await subscribeCalendar(deps, { channel: command.channel_id, user, paymentMethod: method })
    await answer(calendarSubscribedText(result))
    return handOverCalendar(deps, { channel: command.channel_id, user }, result)
  }
  if (words.arg === 'unsubscribe') {
    // Withdrawing is a Slack call per reminder: answer first, report when done.
    await ack()
    const result = await unsubscribeCalendar(deps, { channel: command.channel_id, user })
    await respond({ response_type: 'ephemeral', text: calendarUnsubscribedText(result) })
    return
  }
  return answer(BILLING_TEXT.calendarUsage)
}

/** A word after `/billing` that is no subcommand: say so above the help. */
export const billingUnknown: BillingSubcommand = async ({ ack, deps, words }) => {
  const message = helpMessage(deps)
  await ack({
    response_type: 'ephemeral',
    text: message.text,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: unknownSubcommandText(words.sub),
        },
      },
      ...message.blocks,
    ],
  })
}

/** `/billing <subcommand>`: one named callback per word (the help lists them). */
export const BILLING_SUBCOMMANDS: Readonly<Record<string, BillingSubcommand>> = {
  help: billingHelp,
  tickets: billingTickets,
  reminders: billingReminders,
  operators: billingOperators,
  ask: billingAsk,
  link: billingLink,
  unlink: billingUnlink,
  bill: billingBill,
  calendar: billingCalendar,
  budget: billingBudget,
  digest: billingDigest,
  settings: billingSettings,
}

/**
 * `/billing help | tickets [channel] [page] | reminders | calendar subscribe|unsubscribe |
 * operators | link | unlink OP… [jp|g] | bill [YYYY-MM] [OP…] | settings [key …] | ask 質問`: parses the words and
 * hands over to the subcommand's callback.
 */
export const billingCommand =
  (deps: AppDeps): CommandListener =>
  async (args) => {
    const words = parseBillingText(args.command.text)
    const run = Object.hasOwn(BILLING_SUBCOMMANDS, words.sub) ? BILLING_SUBCOMMANDS[words.sub] : undefined
    await (run ?? billingUnknown)({
      ...args,
      deps,
      words,
      user: args.command.user_id,
      answer: (text) => args.ack({ response_type: 'ephemeral', text }),
    })
  }
