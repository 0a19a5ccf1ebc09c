import { HAS_JAPANESE } from './tokenize.js'

/**
 * A small domain thesaurus applied to the question before search (issue 29): English billing
 * words to the guide's Japanese ones, and words people use for what the guide calls otherwise.
 * Each entry adds the guide's terms beside what was typed (the question keeps its own words).
 * Measured in `npm run bench` against the same index without it.
 */
/** English, applied to questions written in English only (SIM, CSV, NP also appear in Japanese ones). */
const ENGLISH: Array<[RegExp, string]> = [
  // English → the guide's words: a glossary of the guide's own vocabulary, section by section.
  // The company (§1.2).
  [
    /\b(ceo|president|head office|headquarters|capital|employees?|founded|company (profile|overview|information))\b/i,
    '会社概要 代表 本社 資本金 従業員 設立',
  ],
  // Accounts, operators, the console, coverage (§2).
  [/\boperator id\b/i, 'オペレーターID 確認'],
  [/\boperators?\b(?! ?id)/i, 'オペレーター アカウント'],
  [/\baccounts?\b/i, 'アカウント'],
  [
    /\b(root|restricted|limited) (user|account)\b|\bsam\b|\bpermissions?\b/i,
    'ルートアカウント SAMユーザー 権限',
  ],
  [/\bconsole\b|\bdashboard\b/i, 'ユーザーコンソール'],
  [/\blog ?in\b|\bsign ?in\b|\blog on\b/i, 'ログイン'],
  [/\bcoverages?\b|\bregion\b/i, 'カバレッジ'],
  [/\bglobal\b/i, 'グローバル'],
  [/\bjapan(ese)?\b/i, '日本'],
  [/\bsupport\b|\bcontact\b|\binquir(y|ies)\b|\btickets?\b|\bhelp ?desk\b/i, '問い合わせ サポート'],
  [/\bnet protections\b|\bnp\b/i, 'ネットプロテクションズ'],
  // Ways to pay (§3).
  [/\bpayment methods?\b|\bways? to pay\b|\bpay(ment)? options?\b/i, '支払方法'],
  [/\b(personal|individual)\b/i, '個人'],
  [/\bcorporate\b|\bbusiness account\b/i, '法人'],
  [/\bcredit cards?\b|(?<!\bsim )\bcards?\b|\bvisa\b|\bmastercard\b|\bjcb\b/i, 'クレジットカード'],
  [/\b(add|change|update|register|replace|new)\b.*\bcard\b/i, '登録 更新'],
  [/\bdebit cards?\b|\bprepaid\b|\bbrands?\b/i, 'デビットカード プリペイドカード ブランド'],
  [/\binvoices?\b/i, '請求書'],
  [/\bbills?\b|\bbilling\b|\bbilled\b/i, '請求'],
  [/\bapply\b|\bapplication\b|\bswitch to\b/i, '申請'],
  [/\b(postal|zip|post) ?code\b/i, '郵便番号'],
  [/\baddress(es)?\b/i, '住所 宛先'],
  [/\b(free|gmail) ?(e-?mail|mail|address)?\b/i, 'フリーメール'],
  [/\bcompany name\b|\bnamed? on\b|\baddressee\b|\brecipient\b/i, '宛名 社名'],
  [
    /\bnever (arrived|came)\b|\bnot (arrived|received)\b|\bdid(n't| not) (get|receive|arrive)\b|\bmissing\b/i,
    '届かない',
  ],
  [/\bresend\b|\bre-?issue\b|\bsend (it |the invoice )?again\b/i, '再発行 届かない'],
  [
    /\bbank accounts?\b|\baccount number\b|\btransfer the payment\b|\bwire\b|\bremit/i,
    '入金口座 振込 口座番号',
  ],
  [
    /\bmerge\b|\bcombine\b|\bconsolidate\b|\bone invoice\b|\bsingle invoice\b|\binto one\b/i,
    '複数 請求書 まとめ 一つ',
  ],
  [/\bsplit\b|\bseparate\b|\bper sim\b|\bby project\b/i, '分け'],
  [
    /\b(two|several|multiple|more than one|other) (e-?mail )?(addresses|people|recipients|persons?)\b|\bcc\b/i,
    '複数 宛先 送付',
  ],
  [/\bnotif(y|ication)\b|\balert\b/i, '通知 連絡'],
  [/\bformat\b|\blayout\b|\btemplate\b|\bcustomi[sz]e\b/i, 'フォーマット 内容 変え'],
  [/\btax(es)?\b/i, '税込'],
  [/\bstamp(ed)?\b|\bseal\b|\bhanko\b/i, '印鑑'],
  [
    /\bdirect debit\b|\bbank debit\b|\bauto(matic(ally)?)?[ -]?(debit|withdrawal|pay)\b|\bdebited\b|\bwithdraw/i,
    '口座振替 引き落とし',
  ],
  [/\bconvenience stores?\b|\bkonbini\b|\bpay(ment)? slip\b/i, 'コンビニ 払込票'],
  [/\bby post\b|\bpaper\b|\bmail(ed)? (it|the invoice)\b|\bpostal\b/i, '郵送'],
  [/\busd\b|\bdollars?\b|\byen\b|\bjpy\b|\bcurrency\b|\bexchange rate\b/i, 'ドル 円 円転'],
  [
    /\bfail(ed|s|ure)?\b|\bdeclined\b|\brejected\b|\bbounced\b|\bexpired\b|\blimit\b/i,
    '決済エラー 有効期限 限度額',
  ],
  // When and what is billed (§4).
  [/\bwhen\b.*\b(charged?|billed|debited)\b|\bcharge timing\b/i, '請求 タイミング 締め'],
  [/\bdue date\b|\bpayment terms?\b|\bdeadline\b/i, '支払期限 支払日'],
  [/\bprepa(y|id|yment)\b|\bcoupons?\b|\bin advance\b/i, '前払い クーポン'],
  [/\bthis month\b|\bso far\b|\bcurrent (month|usage)\b|\bused\b/i, '今月 利用料金 確認'],
  [/\bpast\b|\bprevious\b|\blast (month|year)\b|\bhistory\b|\bearlier months?\b/i, '過去 利用料金'],
  [/\bcsv\b|\bbreakdown\b|\bdetails?\b|\bitemi[sz]ed\b/i, '課金詳細 CSV 内訳'],
  [/\bprice (list|table)\b|\bpricing\b|\bfees?\b|\bfree tier\b|\brates?\b/i, '料金表 料金 無料枠'],
  // Quotes and orders (§5).
  [/\bquot(e|ation)s?\b|\bestimates?\b/i, '見積'],
  [/\border(s|ing|ed)?\b|\bbuy(ing)?\b|\bpurchas(e|ing)\b/i, '発注 購入'],
  [/\bsign ?up\b|\bcreate an account\b|\bregister\b|\bregistration\b/i, 'アカウント 作成 登録'],
  [/\bdevices?\b|\bhardware\b|\bgoods\b/i, 'デバイス 物品'],
  [/\bdelivery date\b|\bship(ping|ped)?\b|\bschedule\b/i, '配送 先行発注'],
  [/\bdelivery (slip|note)s?\b|\bpacking (slip|list)\b/i, '納品書'],
  [/\breceipts?\b/i, '領収書'],
  // The account (§6).
  [/\bcontract (info(rmation)?|details)\b|\bcontact person\b|\bcontractor\b/i, '契約者情報'],
  [
    /\b(e-?mail|address) (i|we) (use to )?(log|sign)\b|\blogin e-?mail\b|\bsign-?in e-?mail\b/i,
    'ログイン メールアドレス',
  ],
  [/\bchange\b|\bupdate\b|\bedit\b|\bmodify\b/i, '変更'],
  [/\btransfer\b|\bhand (it )?over\b|\bgive\b/i, '譲渡'],
  [/\bmove\b/i, '移管'],
  [
    /\bclose (my |our |the )?account\b|\bcancel (my |our |the )?account\b|\bdelete (my |our |the )?(soracom )?account\b|\bleave\b|\bunsubscribe\b/i,
    '退会',
  ],
  [/\bcancel\b|\bterminat(e|ion)\b|\bdeactivate\b|\bstop using\b/i, '解約'],
  [/\bvpg\b|\bvirtual private gateway\b|\bsigfox\b|\bother services\b/i, 'サービス 解約'],
  // Other questions (§7).
  [/\bphone( number)?\b|\bcall\b|\btelephone\b/i, '電話番号'],
  [/\bscreen\b|\bpage\b|\bdisplay\b|\bbrowser\b|\bblank\b|\bload(s|ing)?\b/i, '画面 表示 ブラウザ'],
  [
    /\bforg(o|e)t\b|\blost\b|\breset (my |the |our )?(password|login)\b|\blocked out\b|\bcan'?t (log|sign)\b/i,
    'ログイン情報 わからなくなった 再設定',
  ],
  [/\bpassword\b/i, 'パスワード'],
  [/\brecovery\b|\bbackup e-?mail\b/i, 'リカバリメールアドレス'],
  [/\bdiscount\b|\blong[- ]term\b|\bcheaper\b/i, '長期利用割引 割引'],
  [/\bsecurity\b|\bquestionnaire\b|\bcheck ?(sheet|list)\b/i, 'セキュリティ チェックシート'],
]

/** Everyday Japanese words and counting phrasing, for what the guide calls otherwise. */
const JAPANESE_WORDS: Array<[RegExp, string]> = [
  // Counting phrasing: three accounts, three invoices — into one.
  [/[1１一ひと][つ通枚]に|[1１一][通枚]にでき|1つにまとめ/, 'まとめ 一つ'],
  // Everyday words for the guide's.
  // Everyday words for the guide's terms (its vocabulary, not any one question's).
  [/払い方|支払い?手段|決済手段|支払いの種類/, '支払方法'],
  [/見当たら|来ない|こない|届いていない|受け取っていない/, '届かない'],
  [/もう一度送|再送|送り直/, '再発行'],
  [/ずらし|ずらせ|延ばし|延ばせ|延長|遅らせ/, '変更'],
  [/買い|買う|購入し|注文/, '発注'],
  [/書式|様式|レイアウト|体裁/, 'フォーマット'],
  [/郵便で|紙で|紙の/, '郵送'],
  [/為替|換算|レート/, '円転 TTS'],
  [/先月|先々月|去年|昨年|前の月|前月|以前の/, '過去'],
  [/払えなかった|引き落とせなかった|支払えなかった|決済でき|失敗/, '決済エラー'],
  [/移したい|移す|移せ|移動/, '譲渡 移管'],
  [/やめたい|止めたい|辞めたい|やめる/, '解約 退会'],
  [/送り先|送付先|届け先/, '送付先 宛先'],
  [/いくら|金額/, '料金'],
  [/納品所|納品証/, '納品書'],
  [/領収証/, '領収書'],
  [/角印|社印|実印/, '印鑑'],
  [/見積もり|見積り/, '見積'],

  [/名義/, '譲渡'],
  [/社名|商号/, '社名 変更 譲渡'],
  [/値引き|ディスカウント|安く/, '割引'],
  // Everyday synonyms of the guide's verbs and nouns (general Japanese, not any question's).
  [/取り消|取消|キャンセル|廃止|停止し/, '解約'],
  [/書き換え|書換|直したい|直す|訂正|修正/, '変更'],
  [/調べ|チェックし|確かめ/, '確認'],
  [/後払い|振込払い|銀行振込で払|請求書決済/, '請求書払い'],
  [/自動引落|自動引き落とし|口座引落|自動振替|口振/, '口座振替'],
  [/レシート/, '領収書'],
  [/納品伝票|送り状/, '納品書'],
  [/概算|お見積/, '見積'],
  [/サインイン/, 'ログイン'],
  [/脱退|アカウントを消|アカウントの削除|アカウント削除/, '退会'],
  [/引き継|引継|移行/, '移管'],
  [/費用|代金|コスト|お金/, '料金'],
  [/期日|締切|締め切り|〆切/, '支払期限'],
  [/〆日|締日/, '締め日'],
  [/メアド/, 'メールアドレス'],
  [/セブンイレブン|ローソン|ファミマ|ファミリーマート/, 'コンビニ'],
]

/** The question with the guide's words for what it asks added after it. */
export function expandQuestion(question: string): string {
  const text = question.normalize('NFKC')
  const rules = HAS_JAPANESE.test(text) ? JAPANESE_WORDS : [...ENGLISH, ...JAPANESE_WORDS]
  const added = rules.filter(([pattern]) => pattern.test(text)).map(([, words]) => words)
  return added.length === 0 ? question : `${question} ${added.join(' ')}`
}
