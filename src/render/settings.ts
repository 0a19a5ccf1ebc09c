import type { SettingKey, SettingsView } from '../domain/workspace-settings.js'
import type { SlackMessage } from './messages.js'
import { listSections } from './sections.js'

/** How many IDs of one setting are shown (the rest are counted: a list may hold 100). */
const SHOWN_IDS = 20

const LABELS: Record<SettingKey, string> = {
  admins: '管理者',
  channels: '使えるチャンネル',
  users: '使えるユーザー',
  usergroup: '使えるユーザーグループ',
}

/** What an unset setting means. */
const WHEN_UNSET: Record<SettingKey, string> = {
  admins: 'ワークスペースの管理者・オーナー',
  channels: 'すべてのチャンネル',
  users: 'ゲストを除く全員',
  usergroup: 'なし',
}

const mention = (key: SettingKey, id: string) =>
  key === 'channels' ? `<#${id}>` : key === 'usergroup' ? `<!subteam^${id}>` : `<@${id}>`

function valueText(key: SettingKey, value: string | readonly string[] | undefined): string {
  const ids = value === undefined ? [] : typeof value === 'string' ? [value] : value
  if (ids.length === 0) return WHEN_UNSET[key]
  const shown = ids.slice(0, SHOWN_IDS).map((id) => mention(key, id))
  return ids.length > SHOWN_IDS ? `${shown.join(' ')} ほか ${ids.length - SHOWN_IDS} 件` : shown.join(' ')
}

function settingLine(view: SettingsView, key: SettingKey): string {
  const own = view.own[key]
  const source = own !== undefined ? 'このワークスペースの設定' : '既定'
  const value = key === 'admins' ? view.effective.admins : view.effective[key]
  return `• *${LABELS[key]}*: ${valueText(key, value)}（${source}）`
}

/** `/billing settings`: who may use the bot here, and how to change it (admins). */
export function settingsMessage(view: SettingsView, heading = '*このワークスペースの設定*'): SlackMessage {
  const lines = (['admins', 'channels', 'users', 'usergroup'] as const).map((key) => settingLine(view, key))
  const restricted = view.effective.users !== undefined || view.effective.usergroup !== undefined
  return {
    text: 'このワークスペースの設定',
    blocks: [
      ...listSections(lines, { heading }),
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: [
              restricted
                ? '使えるユーザーとユーザーグループは、どちらかに当てはまれば使えます（管理者はいつでも）。'
                : undefined,
              'ゲストは使えません。このアプリへの DM はチャンネルの設定にかかわらず使えます。',
              '変えるには（管理者）: `/billing settings admins @名前 …` ・ `channels #チャンネル …` ・ `users @名前 …` ・ `usergroup @グループ`。`/billing settings channels reset` のように `reset` で既定に戻ります。',
            ]
              .filter(Boolean)
              .join('\n'),
          },
        ],
      },
    ],
  }
}

/** The answer to a change: what applies from the next request on. */
export const settingsChangedMessage = (view: SettingsView, key: SettingKey): SlackMessage =>
  settingsMessage(view, `*${LABELS[key]}を変えました。次の操作から有効です。*`)

/** Why `/billing settings …` was not understood. */
export type SettingsUsageProblem =
  | { kind: 'unknown_key'; word: string }
  | { kind: 'no_value'; key: SettingKey }
  | { kind: 'bad_id'; key: SettingKey; word: string }
  | { kind: 'too_many'; key: SettingKey; max: number }
  | { kind: 'one_group' }

const EXPECTED: Record<SettingKey, string> = {
  admins: 'ユーザー（@名前）',
  channels: 'チャンネル（#チャンネル）',
  users: 'ユーザー（@名前）',
  usergroup: 'ユーザーグループ（@グループ）',
}

const clip = (word: string) => word.slice(0, 40).replace(/[<>&`*_~]/g, '')

export function settingsUsageText(problem: SettingsUsageProblem): string {
  switch (problem.kind) {
    case 'unknown_key':
      return `「${clip(problem.word)}」という設定はありません。\`admins\`・\`channels\`・\`users\`・\`usergroup\` のどれかを指定してください。`
    case 'no_value':
      return `${LABELS[problem.key]}に${EXPECTED[problem.key]}を指定してください（既定に戻すときは \`reset\`）。`
    case 'bad_id':
      return `「${clip(problem.word)}」は${EXPECTED[problem.key]}として読めませんでした。Slack の候補から選んで入力してください。`
    case 'too_many':
      return `${LABELS[problem.key]}は ${problem.max} 件までです。多いときはユーザーグループを使ってください。`
    case 'one_group':
      return 'ユーザーグループは 1 つだけ指定できます。'
  }
}

export const SETTINGS_NOT_SAVED_TEXT =
  '保存できなかったため、設定は変わっていません。しばらくしてから、もう一度同じコマンドを送ってください。'
