import { z } from 'zod'
import type { AppDeps } from '../../app/deps.js'
import { remindInvoiceExpected } from '../../app/remind-invoice-expected.js'
import { brokenButtonText } from '../../render/access.js'
import { invoiceExpectedReminderText } from '../../render/reminder.js'
import { operatorIdField, plainDateField, yearMonthField } from '../fields.js'
import { type ButtonListener, ephemeral } from './button.js'

const valueSchema = z.object({
  operatorId: operatorIdField,
  usageMonth: yearMonthField,
  /** Absent on buttons posted before it was carried: the invoice date, as then. */
  remindOn: plainDateField('').optional(),
})

function parseValue(raw: string | undefined) {
  try {
    return valueSchema.safeParse(JSON.parse(raw ?? ''))
  } catch {
    return valueSchema.safeParse(undefined)
  }
}

/** The reminder button on a too-early reissue: 9:00 JST on the day the button names. */
export const reissueRemindAction =
  (deps: AppDeps): ButtonListener =>
  async ({ ack, action, body, respond }) => {
    await ack()
    const tell = ephemeral(respond)
    const parsed = parseValue(action.value)
    if (!parsed.success) {
      await tell(brokenButtonText('/invoice-reissue'))
      return
    }
    const { operatorId } = parsed.data
    const user = body.user.id
    const outcome = await remindInvoiceExpected(deps, {
      operatorId,
      usageMonth: parsed.data.usageMonth,
      ...(parsed.data.remindOn ? { remindOn: parsed.data.remindOn } : {}),
      user,
      channel: body.channel?.id ?? user,
    })
    await tell(invoiceExpectedReminderText(operatorId, outcome))
  }
