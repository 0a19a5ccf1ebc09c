import type { ModalView } from '@slack/types'
import type { LinkFailure } from '../../domain/billing-alert.js'
import type { FieldProblems, Guidance } from '../../domain/outcomes.js'
import { SORACOM_FAILURE_TEXT } from '../bill.js'
import { problemText } from '../problems.js'
import { messageModal } from './elements.js'
import { NOT_SAVED } from './submission.js'

/** How one SORACOM-answerable flow is drawn: the form again, what SORACOM said, what happens next. */
export interface FactCheckedView<Draft, Facts> {
  title: string
  /** What SORACOM answered, in a sentence for the modal. */
  found(facts: Facts): string
  /** What happens next: `guidance` when the flow ended without a record. */
  summary(guidance: Guidance | undefined): string
  /** The form again with the draft's answers; `ask`: SORACOM's questions must be answered now. */
  form(draft: Draft, extra: { banner: string; ask: boolean; privateMetadata: string }): ModalView
}

/** The modal while SORACOM is asked (the ack's view). */
export const checkingModal = (callbackId: string, title: string): ModalView =>
  messageModal(
    `${callbackId}_checking`,
    title,
    ':hourglass_flowing_sand: SORACOM API で請求情報を確認しています…',
  )

/** The modal once the flow is decided: what SORACOM said, then what follows. */
export const decidedModal = (callbackId: string, title: string, found: string, summary: string): ModalView =>
  messageModal(`${callbackId}_done`, title, `${found}\n\n${summary}`)

/** The banners over the form shown again. */
export const FACT_BANNERS = {
  stillUnanswered: (found: string) => `${found}\n残りの質問に答えて、もう一度送信してください。`,
  invalid: (found: string, problems: FieldProblems) =>
    `${found}\n:warning: ${Object.entries(problems)
      .map(([blockId, p]) => problemText(blockId, p))
      .join('\n')}`,
  soracomFailed: (reason: LinkFailure) =>
    `:warning: ${SORACOM_FAILURE_TEXT[reason]}\n下の質問に答えて送信してください。`,
  notSaved: `:warning: ${NOT_SAVED}`,
}
