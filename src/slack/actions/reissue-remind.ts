import { z } from 'zod'
import { billingDatesFor, npInvoiceMailSubject } from '../../domain/billing-calendar.js'
import { usageMonthLabel } from '../../domain/invoice-reissue.js'
import { tokyoNineAm, type YearMonth } from '../../domain/plain-date.js'
import { formatJpDate } from '../../render/time.js'
import type { ListenerDeps } from '../deps.js'
import { refreshHome } from '../home.js'
import type { Router } from '../router.js'

export const REISSUE_REMIND_ACTION = 'reissue_remind'

const valueSchema = z.object({
  operatorId: z.string().regex(/^OP\d{10}$/),
  usageMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
})

function parseValue(raw: string | undefined) {
  try {
    return valueSchema.safeParse(JSON.parse(raw ?? ''))
  } catch {
    return valueSchema.safeParse(undefined)
  }
}

/** 「発行予定日にリマインド」 on a too-early reissue: a reminder at 09:00 JST on the invoice date. */
export function registerReissueRemind(app: Router, deps: ListenerDeps): void {
  app.action(REISSUE_REMIND_ACTION, async ({ ack, action, body, respond, client }) => {
    await ack()
    const parsed = parseValue(action.value)
    if (!parsed.success) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'このボタンは古いか壊れています。もう一度 `/invoice-reissue` から確認してください。',
      })
      return
    }
    const { operatorId, usageMonth } = parsed.data
    const month = usageMonth as YearMonth
    const dates = billingDatesFor(month)
    const user = body.user.id
    const [reminder] = await deps.reminderService.add([
      {
        kind: 'invoice_expected',
        key: `invoice_expected:${user}:${operatorId}:${usageMonth}`,
        owner: user,
        channel: body.channel?.id ?? user,
        dueDate: dates.invoiceIssued,
        dueAt: tokyoNineAm(dates.invoiceIssued).toISOString(),
        text: deps.renderer.guidance('reminder-invoice-expected', {
          operatorId,
          usageMonthLabel: usageMonthLabel(month),
          npMailSubject: npInvoiceMailSubject(month),
        }),
      },
    ])
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: reminder
        ? `:bell: ${formatJpDate(dates.invoiceIssued)} 09:00 にリマインドします（${operatorId}、${usageMonthLabel(month)}ご利用分の請求書発行予定日）。\`/billing reminders\` で一覧と取り消しができます。`
        : `${usageMonthLabel(month)}ご利用分の請求書発行予定日はもう過ぎています。請求書が届いていなければ \`/invoice-reissue\` で再発行を依頼できます。`,
    })
    await refreshHome(deps, client, user)
  })
}
