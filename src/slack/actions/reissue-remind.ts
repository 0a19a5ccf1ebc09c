import { z } from 'zod'
import type { AppDeps } from '../../app/deps.js'
import { remindInvoiceExpected } from '../../app/remind-invoice-expected.js'
import { usageMonthLabel } from '../../domain/invoice-reissue.js'
import { formatJpDate } from '../../render/time.js'
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
      await tell('このボタンは古いか壊れています。もう一度 `/invoice-reissue` から確認してください。')
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
    const month = usageMonthLabel(outcome.usageMonth)
    await tell(
      outcome.kind === 'scheduled'
        ? `:bell: ${formatJpDate(outcome.on)} 9:00 にリマインドします（${operatorId}、${month}ご利用分の請求書）。\`/billing reminders\` で一覧と取り消しができます。`
        : `${month}ご利用分の請求書は、もう再発行を依頼できます。届いていなければ \`/invoice-reissue\` で依頼してください。`,
    )
  }
