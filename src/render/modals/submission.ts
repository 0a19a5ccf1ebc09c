import type { ModalView } from '@slack/types'
import type { FieldProblems } from '../../domain/outcomes.js'
import { problemText } from '../problems.js'
import { messageModal } from './elements.js'

/** The inline answer when the store could not write the request (disk full, read-only). */
export const NOT_SAVED =
  '保存できなかったため、この依頼はまだ受け付けられていません。しばらくしてから、もう一度「送信」を押してください。'

export const STILL_SAVING =
  ':hourglass_flowing_sand: 保存に時間がかかっています。保存でき次第、結果をこの画面に表示し、依頼をチャンネルに投稿します。この画面は閉じてもかまいません。'
export const SAVED_LATE = ':white_check_mark: 保存しました。依頼をチャンネルに投稿します。'
export const NOT_SAVED_LATE =
  ':x: 保存できなかったため、この依頼は受け付けられていません。しばらくしてから、もう一度最初から送信してください。'

/** A late-answered submission turned out to have bad fields: the modal and the DM say which. */
export function invalidLateText(problems: FieldProblems): string {
  const lines = Object.entries(problems).map(([blockId, p]) => `• ${problemText(blockId, p)}`)
  return `:x: 入力を確認してください。この依頼は受け付けられていません。\n${lines.join('\n')}`
}

/** The modal, under its own title, while and after a late-stored submission is saved. */
export const savingModal = (
  view: { callback_id: string; title?: { text: string } },
  text: string,
): ModalView => messageModal(`${view.callback_id}_saving`, view.title?.text ?? '請求サポート', text)
