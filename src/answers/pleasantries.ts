/**
 * What a question says besides its question: the greeting, who is writing and the closing of a
 * business message (「お世話になっております。経理部の田中です。…よろしくお願いいたします。」).
 * Searched as it is, 経理 or 担当 in 「経理担当の者です」 pull the answer towards the section whose
 * asks mention accounting staff, and an out-of-scope question gains the guide's words; so these
 * sentences are dropped before search. Only whole sentences of that kind, or a closing at the end:
 * a question that is nothing else stays as it was.
 */

/** A greeting or a closing, as a whole sentence. */
const COURTESY =
  /^(?:(?:いつも)?(?:大変)?お世話に(?:なって)?(?:おり|い|なり)ます|お疲れ様(?:です|でございます)|お忙しいところ(?:恐れ入り|失礼い?た?し)ます|こんにちは|こんばんは|おはようございます|はじめまして|初めまして|突然(?:の(?:ご連絡|質問))?(?:失礼|すみません)[^。]*|失礼(?:いた)?します|(?:どうぞ|何卒|なにとぞ)?よろしく(?:お願い)?(?:いた)?(?:します|申し上げます)?|以上(?:です|、?よろしくお願いします)?|ありがとうございます)$/

/**
 * Who is writing: 「経理担当の者です」「総務部の佐藤と申します」「購買チームです」 — no は, が or を, so
 * a statement such as 「請求書の宛先は経理部です」 stays.
 */
const SELF_INTRODUCTION =
  /^(?:株式会社|有限会社)?[^、。？?はがを]{0,24}?(?:の者|担当(?:者)?|部|課|係|室|チーム|グループ|窓口)?(?:の[^、。？?はがを]{1,8})?(?:です|と申します|でございます)$/

/** A sentence that says who is writing must name a role or a name-like part, not ask anything. */
const ROLE = /(?:の者|担当|部|課|係|室|チーム|グループ|窓口|と申します)/

/** A closing after the question in the same sentence: 「…を知りたいです。よろしくお願いします」. */
const TRAILING_COURTESY =
  /[、,\s]*(?:(?:どうぞ|何卒|なにとぞ)?よろしく(?:お願い)?(?:いた)?(?:します|申し上げます)?)[。.!！]*$/

/** The same in English: 「Hi team,」 before, 「Thanks in advance!」 after (in advance is the prepaid coupon's word). */
const ENGLISH_OPENING =
  /^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^,.!?\n]{0,30}[,.!]\s*/i
const ENGLISH_CLOSING =
  /[\s,.!]*(?:(?:many )?thanks?(?: you)?(?: (?:so|very) much)?(?: in advance)?(?: for (?:your|the) help)?|regards|best(?: regards)?|cheers|kind regards)[\s,.!]*$/i

/** The question with greeting, self-introduction and closing sentences dropped. */
export function withoutPleasantries(question: string): string {
  const text = question.normalize('NFKC').replace(ENGLISH_OPENING, '').replace(ENGLISH_CLOSING, '')
  const sentences = text
    .split(/(?<=[。！!？?\n])/)
    .map((s) => s.trim())
    .filter(Boolean)
  const kept = sentences.filter((s) => {
    const bare = s.replace(/[。！!？?\s]+$/, '')
    if (COURTESY.test(bare)) return false
    if (SELF_INTRODUCTION.test(bare) && ROLE.test(bare)) return false
    return true
  })
  const left = kept.join('').replace(TRAILING_COURTESY, '')
  return left.length > 0 ? left : question
}
