/**
 * Japanese-aware text processing for the guide's search. Japanese has no spaces, so words are
 * found either by character n-grams or by ICU's dictionary segmenter (`Intl.Segmenter`, built into
 * Node); `npm run bench` measures both on the question set (test/answers/questions.ts) and the
 * bot uses the winner (see `TOKENIZER`).
 */

/** Common misspellings and variants folded before search (IME slips people actually make). */
const VARIANTS: Array<[RegExp, string]> = [
  [/請求所|請求諸/g, '請求書'],
  [/領主書|領収所/g, '領収書'],
  [/ろぐいん|ログイン/g, 'ログイン'],
  [/ぱすわーど/g, 'パスワード'],
  [/引き落し|引落し|引落とし/g, '引き落とし'],
  [/振り込み|振込み/g, '振込'],
  [/ハンコ|はんこ|判子/g, '印鑑'],
  [/押印/g, '印鑑 押印'],
  [/クレカ/g, 'クレジットカード'],
  [/カード払い/g, 'クレジットカード払い'],
  [/オペID|オペレータID/gi, 'オペレーターID'],
  [/請求金額|請求額/g, '請求金額'],
  [/インボイス/g, '請求書'],
  // Counting phrasing: three accounts, three invoices → several; into one → 一つ.
  [/(?:[2-9]|[二三四五六七八九十]|いくつか)\s*(?:つ|枚|通|個|件)(?:の|も)?/g, '複数'],
  [/(?:1|一|ひと)\s*(?:つ|枚|通)(?=に|で|の|へ|だけ)/g, '一つ'],
  [/アメックス|アメリカンエキスプレス|american express/g, 'amex'],
  [/ディスカウント|値引き?/g, '割引'],
  [/\busd\b|米ドル/g, 'ドル'],
]

/** NFKC (full-width ASCII, half-width kana), lower case, variants folded, katakana kept. */
export function normalize(text: string): string {
  let out = text.normalize('NFKC').toLowerCase()
  for (const [pattern, replacement] of VARIANTS) out = out.replace(pattern, replacement)
  return out
}

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu
/** Any kanji, hiragana or katakana: the text is (partly) Japanese. */
export const HAS_JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u
const LATIN = /[a-z0-9]+/g

/** Hiragana-only runs of this length or less are grammar (が, ない, ので): not searched alone. */
const isKanaOnly = (s: string) => /^[\p{Script=Hiragana}ー]+$/u.test(s)

/** A crude English stem, the same on both sides: invoices, invoiced, invoice → invoic. */
function stem(word: string): string {
  return word.length <= 3 ? word : word.replace(/(ies)$/, 'y').replace(/(ing|ed|es|s|e)$/, '')
}

const ENGLISH_STOP = new Set([
  'the',
  'a',
  'an',
  'is',
  'i',
  'my',
  'to',
  'of',
  'do',
  'can',
  'how',
  'what',
  'for',
  'in',
  'it',
  'me',
  'be',
  'does',
  'get',
  'we',
  'our',
  'us',
  'you',
  'your',
  'need',
  'want',
  'would',
  'like',
  'will',
  'should',
  'are',
  'am',
  'on',
  'at',
  'have',
  'has',
  'there',
  'any',
  'please',
  'and',
  'or',
  'so',
])

function latinTerms(text: string): string[] {
  return (text.match(LATIN) ?? []).filter((w) => !ENGLISH_STOP.has(w)).map(stem)
}

/** Character bigrams of each Japanese run (a one-character run stays as it is). */
export function bigrams(text: string): string[] {
  const terms: string[] = []
  for (const run of text.match(JAPANESE) ?? []) {
    if (run.length === 1) {
      if (!isKanaOnly(run)) terms.push(run)
      continue
    }
    for (let i = 0; i + 2 <= run.length; i++) {
      const gram = run.slice(i, i + 2)
      if (!isKanaOnly(gram)) terms.push(gram)
    }
  }
  return terms
}

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' })

/** Dictionary words (ICU), content words only: kana-only grammar words are dropped. */
export function segmenterWords(text: string): string[] {
  const terms: string[] = []
  for (const part of segmenter.segment(text)) {
    if (!part.isWordLike) continue
    const word = part.segment
    if (!HAS_JAPANESE.test(word)) continue
    if (isKanaOnly(word) && word.length < 3) continue
    terms.push(word)
  }
  return terms
}

export type TokenizerName = 'bigram' | 'segmenter' | 'hybrid'

export const TOKENIZERS: Record<TokenizerName, (text: string) => string[]> = {
  bigram: (text) => {
    const n = normalize(text)
    return [...bigrams(n), ...latinTerms(n)]
  },
  segmenter: (text) => {
    const n = normalize(text)
    return [...segmenterWords(n), ...latinTerms(n)]
  },
  hybrid: (text) => {
    const n = normalize(text)
    return [...bigrams(n), ...segmenterWords(n).filter((w) => w.length >= 3), ...latinTerms(n)]
  },
}

/** The tokenizer the bot uses: the one that scored best on the question set (README, `npm run bench`). */
export const TOKENIZER: TokenizerName = 'bigram'
