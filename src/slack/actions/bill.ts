import { z } from 'zod'
import type { AppDeps } from '../../app/deps.js'
import { billReport, exportBillFile } from '../../app/read-bill.js'
import { COVERAGES } from '../../domain/coverage.js'
import { brokenButtonText } from '../../render/access.js'
import { billReportMessage, exportText, SORACOM_FAILURE_TEXT, sharedBillMessage } from '../../render/bill.js'
import { operatorIdField, yearMonthField } from '../fields.js'
import { type ButtonListener, ephemeral } from './button.js'

const valueSchema = z.object({
  o: operatorIdField,
  c: z.enum(COVERAGES),
  // Parsed by the domain's parser, not cast: a crafted value is refused like a typed one.
  m: yearMonthField.optional(),
})

function parseValue(raw: string | undefined) {
  try {
    const parsed = valueSchema.safeParse(JSON.parse(raw ?? ''))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

const BROKEN = brokenButtonText('/billing bill')

/** 「課金詳細 CSV」 / 「請求明細書 PDF」: ack, then ask SORACOM for the download URL (ephemeral). */
export const billExportAction =
  (deps: AppDeps, file: 'csv' | 'statement'): ButtonListener =>
  async ({ ack, action, respond }) => {
    await ack()
    const tell = ephemeral(respond)
    const value = parseValue(action.value)
    if (!value?.m) return void (await tell(BROKEN))
    const outcome = await exportBillFile(deps, {
      operatorId: value.o,
      coverage: value.c,
      month: value.m,
      file,
    })
    await tell(exportText(outcome, file))
  }

/** A link picked from the list `/billing bill` showed: its bill, ephemeral. */
export const billShowAction =
  (deps: AppDeps): ButtonListener =>
  async ({ ack, action, respond }) => {
    await ack()
    const value = parseValue(action.value)
    if (!value) return void (await ephemeral(respond)(BROKEN))
    const report = await billReport(deps, {
      operatorId: value.o,
      coverage: value.c,
      ...(value.m ? { month: value.m } : {}),
    })
    await respond({ response_type: 'ephemeral', replace_original: false, ...billReportMessage(report) })
  }

/** 「チャンネルに共有」: the bill (read again, so it is current) posted to the channel, naming who shared it. */
export const billShareAction =
  (deps: AppDeps): ButtonListener =>
  async ({ ack, action, body, respond }) => {
    await ack()
    const tell = ephemeral(respond)
    const value = parseValue(action.value)
    if (!value?.m) return void (await tell(BROKEN))
    const report = await billReport(deps, {
      operatorId: value.o,
      coverage: value.c,
      month: value.m,
    })
    if (report.kind !== 'bill') {
      await tell(
        report.kind === 'failed' ? SORACOM_FAILURE_TEXT[report.reason] : billReportMessage(report).text,
      )
      return
    }
    const user = body.user.id
    const channel = body.channel?.id ?? user
    await deps.notifier.post({ channel, user }, sharedBillMessage(report, user))
  }
