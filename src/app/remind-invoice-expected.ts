import { billingDatesFor } from '../domain/billing-calendar.js'
import { type PlainDate, tokyoNineAm, type YearMonth } from '../domain/plain-date.js'
import { npInvoiceMailSubject, usageMonthLabel } from '../render/labels.js'
import type { AppDeps, HomePorts } from './deps.js'
import { refreshHome } from './refresh-home.js'
import { addReminders } from './reminders.js'

export type RemindInvoiceOutcome =
  | { kind: 'scheduled'; on: PlainDate; usageMonth: YearMonth }
  | { kind: 'passed'; usageMonth: YearMonth }

/** The reminder button on a too-early reissue: 9:00 JST on the first business day a reissue request is accepted (§4.1.2, domain.md). */
export async function remindInvoiceExpected(
  deps: HomePorts & Pick<AppDeps, 'clock' | 'newId' | 'renderer' | 'scheduler'>,
  input: { operatorId: string; usageMonth: YearMonth; remindOn?: PlainDate; user: string; channel: string },
): Promise<RemindInvoiceOutcome> {
  const { operatorId, usageMonth, user } = input
  const dates = billingDatesFor(usageMonth)
  // The first day a reissue request is accepted (older buttons: the invoice date, as they said).
  const on = input.remindOn ?? dates.invoiceIssued
  const [reminder] = await addReminders(deps, [
    {
      kind: 'invoice_expected',
      key: `invoice_expected:${user}:${operatorId}:${usageMonth}`,
      owner: user,
      channel: input.channel,
      dueDate: on,
      dueAt: tokyoNineAm(on).toISOString(),
      text: deps.renderer.guidance('reminder-invoice-expected', {
        operatorId,
        usageMonthLabel: usageMonthLabel(usageMonth),
        npMailSubject: npInvoiceMailSubject(usageMonth),
      }),
    },
  ])
  await refreshHome(deps, user)
  return reminder ? { kind: 'scheduled', on, usageMonth } : { kind: 'passed', usageMonth }
}
