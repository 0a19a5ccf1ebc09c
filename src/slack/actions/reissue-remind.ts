import type { App, BlockButtonAction } from '@slack/bolt'
import { z } from 'zod'
import { billingDatesFor, npInvoiceMailSubject } from '../../domain/billing-calendar.js'
import { usageMonthLabel } from '../../domain/invoice-reissue.js'
import type { OperatorId } from '../../domain/operator-id.js'
import { tokyoNineAm, type YearMonth } from '../../domain/plain-date.js'
import { formatJstDateTime } from '../../render/time.js'
import type { AppDeps } from '../deps.js'
import { addReminders } from '../reminders.js'

export const REISSUE_REMIND_ACTION = 'reissue_remind'

const valueSchema = z.object({
  operatorId: z.string().regex(/^OP\d{10}$/),
  usageMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
})

/** 「発行予定日にリマインド」 on a too-early reissue: a reminder at 09:00 JST on the invoice date. */
export function registerReissueRemind(app: App, deps: AppDeps): void {
  app.action<BlockButtonAction>(REISSUE_REMIND_ACTION, async ({ ack, action, body, client, respond }) => {
    await ack()
    let value: unknown
    try {
      value = JSON.parse(action.value ?? '')
    } catch {
      value = undefined
    }
    const parsed = valueSchema.safeParse(value)
    if (!parsed.success) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'このボタンは古いか壊れています。もう一度 `/invoice-reissue` から確認してください。',
      })
      return
    }
    const operatorId = parsed.data.operatorId as OperatorId
    const usageMonth = parsed.data.usageMonth as YearMonth
    const dates = billingDatesFor(usageMonth)
    const user = body.user.id
    const text = deps.renderer.guidance('reminder-invoice-expected', {
      operatorId,
      usageMonthLabel: usageMonthLabel(usageMonth),
      npMailSubject: npInvoiceMailSubject(usageMonth),
    })
    const [reminder] = await addReminders(deps, client, [
      {
        kind: 'invoice_expected',
        key: `invoice_expected:${user}:${operatorId}:${usageMonth}`,
        owner: user,
        channel: body.channel?.id ?? user,
        dueDate: dates.invoiceIssued,
        dueAt: tokyoNineAm(dates.invoiceIssued).toISOString(),
        text,
      },
    ])
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: `:bell: ${formatJstDateTime(reminder?.dueAt ?? tokyoNineAm(dates.invoiceIssued))} にリマインドします（${operatorId}、${usageMonthLabel(usageMonth)}ご利用分の請求書発行予定日）。\`/billing reminders\` で一覧と取り消しができます。`,
    })
  })
}
