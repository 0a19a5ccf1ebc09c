import { billingDatesFor, npInvoiceMailSubject } from '../domain/billing-calendar.js'
import { usageMonthLabel } from '../domain/invoice-reissue.js'
import { type PlainDate, tokyoNineAm, type YearMonth } from '../domain/plain-date.js'
import type { AppDeps } from './deps.js'
import { refreshHome } from './refresh-home.js'
import { addReminders } from './reminders.js'

export type RemindInvoiceOutcome =
  | { kind: 'scheduled'; on: PlainDate; usageMonth: YearMonth }
  | { kind: 'passed'; usageMonth: YearMonth }

/** 「発行予定日にリマインド」 on a too-early reissue: a reminder at 9:00 JST on the invoice date (§4.1.2). */
export async function remindInvoiceExpected(
  deps: AppDeps,
  input: { operatorId: string; usageMonth: YearMonth; user: string; channel: string },
): Promise<RemindInvoiceOutcome> {
  const { operatorId, usageMonth, user } = input
  const dates = billingDatesFor(usageMonth)
  const [reminder] = await addReminders(deps, [
    {
      kind: 'invoice_expected',
      key: `invoice_expected:${user}:${operatorId}:${usageMonth}`,
      owner: user,
      channel: input.channel,
      dueDate: dates.invoiceIssued,
      dueAt: tokyoNineAm(dates.invoiceIssued).toISOString(),
      text: deps.renderer.guidance('reminder-invoice-expected', {
        operatorId,
        usageMonthLabel: usageMonthLabel(usageMonth),
        npMailSubject: npInvoiceMailSubject(usageMonth),
      }),
    },
  ])
  await refreshHome(deps, user)
  return reminder
    ? { kind: 'scheduled', on: dates.invoiceIssued, usageMonth }
    : { kind: 'passed', usageMonth }
}
