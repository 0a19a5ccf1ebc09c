import type { App } from '@slack/bolt'
import { reminderListMessage } from '../../render/reminder.js'
import { renderTicketList } from '../../render/ticket-list.js'
import { formatJstDateTime } from '../../render/time.js'
import type { ListenerDeps } from '../deps.js'

export const BILLING_HELP = [
  '*SORACOM 請求サポートボット*',
  '• `/invoice-reissue [オペレーター ID]` — 請求書が届かないときの確認と再発行依頼（§3.4.1）',
  '• `/invoice-merge [オペレーター ID …]` — 複数の請求書をまとめる（§3.4.3）',
  '• `/direct-debit [オペレーター ID]` — 口座振替（§3.5）の依頼文を作成します',
  '• `/account-deletion [オペレーター ID]` — アカウント退会のチェックリスト（§6.4）',
  '• `/billing tickets` — 自分の依頼の一覧',
  '• `/billing reminders` — 自分のリマインダーの一覧と取り消し',
  '• `/billing calendar subscribe` — このチャンネルに毎月の請求カレンダー（金額確定・請求書発行・支払期限）をリマインド',
  '• `/billing calendar unsubscribe` — その取り消し',
  '• `/billing help` — このヘルプ',
].join('\n')

/** `/billing help | tickets | reminders | calendar subscribe|unsubscribe`. */
export function registerBillingCommand(app: App, deps: ListenerDeps): void {
  app.command('/billing', async ({ ack, command, respond }) => {
    const [sub = 'help', arg = ''] = command.text.trim().toLowerCase().split(/\s+/)
    const say = (text: string) => ack({ response_type: 'ephemeral', text })
    switch (sub) {
      case '':
      case 'help':
        return say(BILLING_HELP)
      case 'tickets':
        return ack({
          response_type: 'ephemeral',
          ...renderTicketList(deps.tickets.listByRequester(command.user_id)),
        })
      case 'reminders':
        return ack({
          response_type: 'ephemeral',
          ...reminderListMessage(deps.reminderService.pendingFor((r) => r.owner === command.user_id)),
        })
      case 'calendar':
        if (arg === 'subscribe') {
          const result = await deps.reminderService.subscribe(command.channel_id, command.user_id)
          const next = result.upcoming
            .slice(0, 4)
            .map((r) => `• ${formatJstDateTime(r.dueAt)} ${(r.text.split('\n')[0] ?? '').replace(/\*/g, '')}`)
            .join('\n')
          await say(
            result.kind === 'already'
              ? `このチャンネルはすでに請求カレンダーを購読しています。\n${next}`
              : `このチャンネルで毎月の請求カレンダーのリマインドを始めました（毎回 9:00）。\n*直近の予定*\n${next}`,
          )
          // Stored before the answer; handing each reminder to Slack takes a call, so after the ack.
          return result.handOver()
        }
        if (arg === 'unsubscribe') {
          // Withdrawing is a Slack call per reminder: answer first, report when done.
          await ack()
          const result = await deps.reminderService.unsubscribe(command.channel_id)
          await respond({
            response_type: 'ephemeral',
            text:
              result.kind === 'not_subscribed'
                ? 'このチャンネルは請求カレンダーを購読していません。'
                : `このチャンネルの請求カレンダーのリマインドをやめました（予定 ${result.withdrawn} 件を取り消し）。`,
          })
          return
        }
        return say('`/billing calendar subscribe` か `/billing calendar unsubscribe` を指定してください。')
      default:
        return say(`\`/billing ${sub.slice(0, 30)}\` というサブコマンドはありません。\n\n${BILLING_HELP}`)
    }
  })
}
