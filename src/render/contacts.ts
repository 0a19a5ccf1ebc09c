/** Where requests go (§2.5). SORACOM has no phone support (§7.1). */
export const SORACOM_SUPPORT = {
  name: 'ソラコムサポート窓口',
  path: 'SORACOM ユーザーコンソール → サポート → お問い合わせ → リクエストを送信',
} as const

/** NP 掛け払いサポートデスク, run by Net Protections, SORACOM's invoicing agent (§2.5.2). */
export const NP_SUPPORT_DESK = {
  name: 'NP 掛け払いサポートデスク',
  tel: '03-4577-9631',
  mail: 'btob-support@netprotections.co.jp',
  hours: '10:00-17:00、土日祝日を除く',
} as const
