import type { Coverage } from '../domain/coverage.js'
import { NP_SUPPORT_DESK } from './contacts.js'
import { coverageLabel } from './labels.js'
import { guidanceMessage, type SlackMessage } from './messages.js'
import type { Renderer } from './templates.js'

/** `/billing help` (and what an unknown word shows, under a line saying so). */
export const billingHelpMessage = (renderer: Renderer): SlackMessage =>
  guidanceMessage(renderer.guidance('billing-help', { np: NP_SUPPORT_DESK }), '請求サポートのヘルプ')

export const unknownSubcommandText = (word: string): string =>
  `\`/billing ${word.slice(0, 30).replace(/[<>&`]/g, '')}\` というサブコマンドはありません。`

/** The short answers of `/billing` subcommands, in the ack. */
export const BILLING_TEXT = {
  askWithoutQuestion:
    '`/billing ask 領収書はもらえる？` のように、質問をあとに書いてください。ガイド（SORACOM 管理の手引き）から答えます。',
  unlinkUsage: '`/billing unlink OP0123456789 [jp|g]` の形で、解除するオペレーター ID を指定してください。',
  billUnknownWord: (word: string) =>
    `「${word}」がわかりませんでした。\`/billing bill [YYYY-MM] [OP0123456789] [jp|g]\` の形で指定してください。`,
  calendarUsage: '`/billing calendar subscribe` か `/billing calendar unsubscribe` を指定してください。',
}

/** `/billing unlink`'s answer: what was unlinked, or that nothing was. */
export function unlinkedText(
  operatorId: string,
  asked: Coverage | undefined,
  removed: readonly Coverage[],
): string {
  return removed.length === 0
    ? `${operatorId}${asked ? `（${coverageLabel(asked)}）` : ' '}は連携されていません。`
    : `${operatorId}（${removed.map((c) => coverageLabel(c)).join('・')}）の連携を解除し、保存していた認証キーを削除しました。`
}

/** `/billing calendar unsubscribe`'s answer. */
export function calendarUnsubscribedText(
  result:
    | { kind: 'not_subscribed' }
    | { kind: 'not_owner'; owner: string }
    | { kind: 'unsubscribed'; withdrawn: number },
): string {
  switch (result.kind) {
    case 'not_subscribed':
      return 'このチャンネルは請求カレンダーを購読していません。'
    case 'not_owner':
      return `このチャンネルの請求カレンダーは <@${result.owner}> さんが購読しています。やめられるのは購読した本人か管理者だけです。`
    case 'unsubscribed':
      return `このチャンネルの請求カレンダーのリマインドをやめました（予定 ${result.withdrawn} 件を取り消し）。`
  }
}
