import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { GuideIndex, loadGuide, loadNotInGuide } from '../../src/answers/guide-index.js'
import { bigrams, normalize, TOKENIZER } from '../../src/answers/tokenize.js'
import { evaluate, FROZEN_SET, HELD_OUT_2026_12_B_SCORED, OUT_OF_SCOPE_SET, TUNED_SET } from './evaluate.js'
import { HELD_OUT } from './held-out.js'
import { HELD_OUT_2026_12 } from './held-out-2026-12.js'
import { QUESTIONS } from './questions.js'

const GUIDE = readFileSync(
  new URL('../../knowledge/source/soracom-billing-guide-2021-03.md', import.meta.url),
  'utf8',
)
const entries = loadGuide()
/**
 * The floors of the held-out sets, just under what was measured. The frozen set: 116/166 (69.9 %),
 * 17/21 declined at the freeze, before any tuning; 134/166 (80.7 %), 17/21 after the tuning of
 * 2026-12-04; 143/166 (86.1 %), 17/21 after the asks, decline rules and topics of 2026-12-04
 * (later), all chosen on leave-one-ask-out and the development sets (docs/knowledge-base.md). The
 * 409 asks alone cost two declines (15/21, seen in CI); the rules won one back (16/21), the widened
 * topics the other.
 */
const FLOORS = {
  h3: { top1: 0.98, declined: 20 },
  frozen: { top1: 0.86, declined: 17 },
  outOfScope: { declined: 86 },
}

/**
 * The sections that answer something: §1.2 (the company's details, asked for supplier registration)
 * and §2–§7 (headings without content are left out).
 */
const ANSWERING_SECTIONS = [
  '1.2',
  '2.1',
  '2.2',
  '2.3',
  '2.4',
  '2.5.1',
  '2.5.2',
  '3.1',
  '3.2.1',
  '3.2.2',
  '3.3.1',
  '3.3.2',
  '3.4.1',
  '3.4.2',
  '3.4.3',
  '3.4.4',
  '3.4.5',
  '3.4.6',
  '3.4.7',
  '3.4.8',
  '3.5',
  '3.6',
  '3.7.1',
  '3.7.2',
  '3.8.1',
  '4.1.1',
  '4.1.2',
  '4.2.1',
  '4.3',
  '4.4',
  '4.5',
  '4.6.1',
  '5.1',
  '5.2.1',
  '5.2.2',
  '5.2.3',
  '5.3',
  '5.4.1',
  '5.4.2',
  '6.1',
  '6.1.2',
  '6.1.3',
  '6.2',
  '6.3',
  '6.4',
  '6.4.1',
  '6.4.2',
  '7.1',
  '7.2',
  '7.3',
  '7.3.1',
  '7.4',
  '7.5',
]

describe('the knowledge base (knowledge/guide.yaml)', () => {
  it('has one entry for §1.2 and every section of §2–§7 that answers something, each named as in the guide', () => {
    expect(entries.map((e) => e.id).sort()).toEqual([...ANSWERING_SECTIONS].sort())
    for (const id of ANSWERING_SECTIONS) expect(GUIDE).toContain(`${id}. `)
  })

  it('reads what an editor types as text: a date, yes and on stay strings (YAML 1.2 core schema)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knowledge-'))
    const file = join(dir, 'not-in-guide.yaml')
    writeFileSync(file, '- topic: 2021-03-01\n  asks:\n    - yes\n    - on\n')
    expect(loadNotInGuide(file)).toEqual([{ topic: '2021-03-01', asks: ['yes', 'on'] }])
    rmSync(dir, { recursive: true })
  })

  it('lists colloquial, formal and English ways to ask each one', () => {
    for (const entry of entries) {
      expect(entry.asks.length, entry.id).toBeGreaterThanOrEqual(4)
      expect(
        entry.asks.some((a) => /^[\x20-\x7e]+$/.test(a)),
        `${entry.id}: an English phrasing`,
      ).toBe(true)
    }
  })

  it('words the answers itself: no 30-character run copied from the guide (links aside)', () => {
    const guide = normalize(GUIDE).replace(/\s+/g, '')
    for (const entry of entries) {
      const answer = normalize(entry.answer)
        .replace(/https?:\/\/\S+/g, ' ')
        .replace(/「[^」]*」/g, ' ')
        .replace(/\s+/g, '')
      for (let i = 0; i + 30 <= answer.length; i += 5) {
        const run = answer.slice(i, i + 30)
        // Product names and console labels are facts, not sentences: only runs of Japanese prose count.
        if ((run.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length < 24)
          continue
        expect(guide.includes(run), `${entry.id} copies「${run}」`).toBe(false)
      }
    }
  })
})

describe('answers on the question set (test/answers/questions.ts)', () => {
  it(`has at least 120 questions covering every section, and 10 the guide cannot answer`, () => {
    const answerable = QUESTIONS.filter(([, s]) => s !== null)
    expect(answerable.length).toBeGreaterThanOrEqual(120)
    expect(QUESTIONS.filter(([, s]) => s === null)).toHaveLength(10)
    expect(new Set(answerable.map(([, s]) => s))).toEqual(new Set(ANSWERING_SECTIONS))
    // Paraphrased: no question is a section title or one of the knowledge base's own phrasings.
    const known = new Set(entries.flatMap((e) => [e.title, ...e.asks]).map(normalize))
    for (const [q] of QUESTIONS) expect(known.has(normalize(q)), q).toBe(false)
  })

  it('names the right section first for at least 90 % and declines at least 8 of the 10 it cannot answer', () => {
    const score = evaluate(entries)
    const accuracy = score.top1 / score.answerable
    console.log(
      `answers (${TOKENIZER}): top-1 ${score.top1}/${score.answerable} (${(accuracy * 100).toFixed(1)} %), declined ${score.correctlyDeclined}/${score.unanswerable} unanswerable`,
    )
    expect(accuracy).toBeGreaterThanOrEqual(0.9)
    expect(score.correctlyDeclined).toBeGreaterThanOrEqual(8)
  })

  it('carries over to the held-out set it was never tuned on (test/answers/held-out.ts), within a floor', () => {
    const known = new Set(entries.flatMap((e) => [e.title, ...e.asks]).map(normalize))
    for (const [q] of HELD_OUT) expect(known.has(normalize(q)), q).toBe(false)
    const score = evaluate(entries, {}, HELD_OUT)
    console.log(
      `answers, held-out: top-1 ${score.top1}/${score.answerable} (${((score.top1 / score.answerable) * 100).toFixed(1)} %), right section shown ${score.shown}/${score.answerable}, declined ${score.correctlyDeclined}/${score.unanswerable} unanswerable`,
    )
    // Floors just under the measurement (52/54, 53/54 shown, 12/12). Tuned on since 2026-12-03
    // (a development set): the frozen set below is the measure.
    expect(score.top1 / score.answerable).toBeGreaterThanOrEqual(0.94)
    expect(score.shown / score.answerable).toBeGreaterThanOrEqual(0.95)
    expect(score.correctlyDeclined).toBeGreaterThanOrEqual(11)
  })

  it('scores the second held-out set (issue 29), unchanged since it was written, within its floors', () => {
    // Frozen in commit "Issue 29: a second held-out set …" before any tuning: any edit shows here.
    const file = readFileSync(new URL('./held-out-2026-12.ts', import.meta.url))
    expect(createHash('sha256').update(file).digest('hex')).toBe(
      '45948287a5fa100377e03ce2acbcad49724bf540121e4d398025000b96779a9d',
    )
    const answerable = HELD_OUT_2026_12.filter(([, s]) => s !== null)
    expect(answerable.length).toBeGreaterThanOrEqual(120)
    expect(HELD_OUT_2026_12.length - answerable.length).toBeGreaterThanOrEqual(20)
    expect(new Set(answerable.flatMap(([, s]) => s ?? [])).size).toBeGreaterThanOrEqual(entries.length)
    const score = evaluate(entries, {}, HELD_OUT_2026_12)
    console.log(
      `answers, held-out 2026-12: top-1 ${score.top1}/${score.answerable} (${((score.top1 / score.answerable) * 100).toFixed(1)} %), shown ${score.shown}/${score.answerable}, declined ${score.correctlyDeclined}/${score.unanswerable}`,
    )
    // Floors just under the measurement (134/140, 24/24). Its misses were seen and tuned on after
    // it scored 121/140, 13/24: a development set now, no longer a measure.
    expect(score.top1 / score.answerable).toBeGreaterThanOrEqual(0.95)
    expect(score.correctlyDeclined).toBeGreaterThanOrEqual(23)
  })

  it('scores the third held-out set, unchanged since it was written, within its floors', () => {
    // Frozen in commit "Issue 29: a third held-out set …" before any tuning: any edit shows here.
    const file = readFileSync(new URL('./held-out-2026-12-b.ts', import.meta.url))
    expect(createHash('sha256').update(file).digest('hex')).toBe(
      '112ec7cddb85d8cbde344cecdc957b49141470cbc8193bdf8f553b1cdca17ea5',
    )
    const score = evaluate(entries, {}, HELD_OUT_2026_12_B_SCORED)
    console.log(
      `answers, held-out 2026-12-b: top-1 ${score.top1}/${score.answerable} (${((score.top1 / score.answerable) * 100).toFixed(1)} %), shown ${score.shown}/${score.answerable}, declined ${score.correctlyDeclined}/${score.unanswerable}`,
    )
    // Issue 29's measure until it was scored once on 2026-12-03: 137/153 (89.5 %), 17/21 declined.
    // A development set since 2026-12-04 (its misses were looked at); floors just under the measurement.
    expect(score.top1 / score.answerable).toBeGreaterThanOrEqual(FLOORS.h3.top1)
    expect(score.correctlyDeclined).toBeGreaterThanOrEqual(FLOORS.h3.declined)
  })

  it("scores the frozen fourth held-out set (issue 29's measure), unchanged since it was written", () => {
    // Frozen in commit "Issue 29: a fourth held-out set …" before any tuning: any edit shows here.
    const file = readFileSync(new URL('./held-out-2026-12-c.ts', import.meta.url))
    expect(createHash('sha256').update(file).digest('hex')).toBe(
      'f8f59a845b57f0a6df85b529bd5a503beee6363d3e300f2d9ea4bf293feada05',
    )
    const answerable = FROZEN_SET.filter(([, s]) => s !== null)
    expect(answerable.length).toBeGreaterThanOrEqual(120)
    expect(FROZEN_SET.length - answerable.length).toBeGreaterThanOrEqual(20)
    const named = new Set(answerable.flatMap(([, s]) => s ?? []))
    expect(entries.filter((e) => !named.has(e.id)).map((e) => e.id)).toEqual([])
    // A scored question copied into the knowledge base would be tuning on the measure (compared as
    // written: the search's own folding, e.g. 2つ → 複数, may make an older phrasing equal to one).
    const literal = (q: string) =>
      q
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[\s\p{P}]/gu, '')
    const known = new Set(entries.flatMap((e) => [e.title, ...e.asks]).map(literal))
    for (const [q] of FROZEN_SET) expect(known.has(literal(q)), q).toBe(false)
    const score = evaluate(entries, {}, FROZEN_SET)
    console.log(
      `answers, frozen held-out 2026-12-c: top-1 ${score.top1}/${score.answerable} (${((score.top1 / score.answerable) * 100).toFixed(1)} %), shown ${score.shown}/${score.answerable}, declined ${score.correctlyDeclined}/${score.unanswerable}`,
    )
    expect(score.top1 / score.answerable).toBeGreaterThanOrEqual(FLOORS.frozen.top1)
    expect(score.correctlyDeclined).toBeGreaterThanOrEqual(FLOORS.frozen.declined)
  })

  it('declines the neighbours of billing listed in knowledge/not-in-guide.yaml, and no question the guide answers because of them', () => {
    const topics = loadNotInGuide()
    expect(topics.length).toBeGreaterThan(0)
    const withTopics = new GuideIndex(entries)
    const without = new GuideIndex(entries, { notInGuide: [] })
    const development = [...TUNED_SET, ...HELD_OUT, ...HELD_OUT_2026_12, ...HELD_OUT_2026_12_B_SCORED]
    for (const [question, sections] of development) {
      if (sections === null) continue
      const before = without.answer(question)
      if (before.kind !== 'answer' || !sections.includes(before.best.id)) continue
      expect(withTopics.answer(question).kind, question).toBe('answer')
    }
    // Each topic's own wordings are declined (else the topic does nothing).
    for (const t of topics)
      for (const ask of t.asks) expect(withTopics.answer(ask).kind, ask).toBe('no_answer')
    // And on the question the issue names: a Wi-Fi password is not a login password (the topic
    // declines it even with the rules that read the words alone switched off).
    const rulesOff = { foreignNames: false, maxUnknownContent: 1 }
    expect(
      new GuideIndex(entries, { ...rulesOff, notInGuide: [] }).answer('Wi-Fiのパスワードを教えて').kind,
    ).toBe('answer')
    expect(new GuideIndex(entries, rulesOff).answer('Wi-Fiのパスワードを教えて').kind).toBe('no_answer')
    expect(withTopics.answer('Wi-Fiのパスワードを教えて').kind).toBe('no_answer')
  })

  it('declines the out-of-scope development set (test/answers/out-of-scope-2026-12.ts), within its floor', () => {
    const score = evaluate(entries, {}, OUT_OF_SCOPE_SET)
    console.log(`answers, out-of-scope 2026-12: declined ${score.correctlyDeclined}/${score.unanswerable}`)
    // 58/100 before the named-thing rule, the content-terms unknown share and the topic margin
    // (77/100 after them; 87/100 once topics' asks were written from its misses, reworded: tuned on
    // since). Floor just under the measurement.
    expect(score.correctlyDeclined).toBeGreaterThanOrEqual(FLOORS.outOfScope.declined)
  })

  it('declines a Japanese question about something the guide never names, and still answers one about what it does', () => {
    const index = new GuideIndex(entries)
    expect(index.namesSomethingElse('Slackのアカウントを作りたい')).toBe(true)
    expect(index.namesSomethingElse('freeeで仕訳を登録したい')).toBe(true)
    expect(index.answer('Slackのアカウントを作りたい').kind).toBe('no_answer')
    expect(new GuideIndex(entries, { foreignNames: false }).answer('Slackのアカウントを作りたい').kind).toBe(
      'answer',
    )
    // What the guide names is no stranger: SIM, NP, JCB, the console; katakana is not read as a
    // name (ﾘｮｳｼｭｳｼｮ is a receipt).
    for (const q of [
      'SIMの請求書がほしい',
      'NPの電話番号を教えて',
      'JCBは使える？',
      'ユーザーコンソールにログインしたい',
    ])
      expect(index.namesSomethingElse(q), q).toBe(false)
    // English questions are left to the other rules (most of their words are not names), even when
    // the search's own folding writes Japanese into them (USD → ドル).
    expect(index.namesSomethingElse('Is global coverage billed in USD or JPY?')).toBe(false)
  })

  it('declines a question a not-in-guide topic matches nearly as well as the best section', () => {
    // 「ソラコムの株価」 is a topic's ask; 「ソラコムの…を知りたい」 matches §1.2's many asks better.
    const q = 'ソラコムの株価を知りたい'
    expect(new GuideIndex(entries, { topicWithin: 1 }).answer(q).kind).toBe('answer')
    expect(new GuideIndex(entries).answer(q).kind).toBe('no_answer')
    // The section still wins where the topic is far behind.
    expect(new GuideIndex(entries).answer('ソラコムの会社概要を知りたい')).toMatchObject({
      best: { id: '1.2' },
    })
  })

  it('counts unknown words among the content terms, so that grammar bigrams do not dilute them', () => {
    const index = new GuideIndex(entries)
    // 住宅 and ローン are nowhere in the guide; の引 and き落 are in many sections.
    expect(index.unknownShare('住宅ローンの引き落とし日')).toBeLessThan(0.5)
    expect(index.unknownShare('住宅ローンの引き落とし日', 'content')).toBeGreaterThan(0.5)
    expect(index.answer('住宅ローンの引き落とし日').kind).toBe('no_answer')
    expect(index.unknownShare('請求書を再発行してほしい', 'content')).toBe(0)
  })

  it('understands full-width, half-width and a common typo the same way', () => {
    const index = new GuideIndex(entries)
    const ids = ['領収書がほしい', 'ﾘｮｳｼｭｳｼｮ 領主書がほしい', '領収書がほしい！！'].map((q) => {
      const a = index.answer(q)
      return a.kind === 'answer' ? a.best.id : null
    })
    expect(ids).toEqual(['5.4.2', '5.4.2', '5.4.2'])
    expect(bigrams(normalize('ＳＩＭの請求書'))).toEqual(expect.arrayContaining(['請求', '求書']))
  })

  it('answers English questions too', () => {
    const index = new GuideIndex(entries)
    const answer = index.answer('How can I get a receipt?')
    expect(answer.kind === 'answer' ? answer.best.id : null).toBe('5.4.2')
  })
})

describe('the answers carry the guide\u2019s facts and links (issue 24)', () => {
  const answerOf = (id: string) => entries.find((e) => e.id === id)?.answer ?? ''
  const index = new GuideIndex(entries)

  it('answers 「NPの電話番号を教えて」 with NP\u2019s desk first, not SORACOM\u2019s "no phone support" (§2.5.2, §7.1)', () => {
    const answer = index.answer('NPの電話番号を教えて')
    expect(answer).toMatchObject({ kind: 'answer', best: { id: '2.5.2' } })
    expect(answerOf('2.5.2')).toContain('03-4577-9631')
    // SORACOM's own number is still §7.1.
    expect(index.answer('ソラコムの電話番号を教えて')).toMatchObject({ best: { id: '7.1' } })
  })

  it('gives the company details of §1.2, dated as the guide is', () => {
    expect(answerOf('1.2')).toContain('東京都世田谷区玉川四丁目 5 番 6 号')
    expect(answerOf('1.2')).toContain('2021 年 3 月時点')
    expect(index.answer('取引先登録に使うソラコムの本社住所を教えてください')).toMatchObject({
      best: { id: '1.2' },
    })
  })

  it('says the bank account differs per coverage only when each coverage applied separately (§3.4.2, §3.7.1)', () => {
    expect(answerOf('3.4.2')).toContain(
      'カバレッジごとに請求書払いを申し込んだ場合は、カバレッジごとにも違います',
    )
  })

  it('offers no remedy for splitting an invoice that the guide does not offer (§3.4.4)', () => {
    expect(answerOf('3.4.4')).not.toContain('アカウントを分ける')
  })

  it('says 『決算処理準備中』 means the amount is final (§4.3)', () => {
    expect(answerOf('4.3')).toContain('『決算処理準備中』になっていれば請求金額は確定しています')
  })

  it.each([
    ['7.5', 'https://soracom.jp/share/security_policy/'],
    ['7.4', 'https://soracom.jp/services/air/cellular/discount_price/'],
    ['3.5', 'https://soracom.zendesk.com/hc/ja/articles/360046402951'],
    ['5.4.1', 'https://soracom.zendesk.com/hc/ja/articles/360039166971'],
  ])('§%s gives the link the guide gives', (id, link) => {
    expect(answerOf(id)).toContain(link)
  })

  it('names the security check sheet of §7.5, and says its address is missing from the guide rather than invent one', () => {
    expect(answerOf('7.5')).toContain('情報セキュリティチェックシート')
    expect(answerOf('7.5')).toContain('アドレスが載っていない')
  })

  it('links NP\u2019s receipt sample on the working host, not the guide\u2019s typo (§5.4.2)', () => {
    const all = entries.map((e) => e.answer).join('\n')
    expect(all).not.toContain('np-keakebarai')
    expect(answerOf('5.4.2')).toContain('https://faq.np-kakebarai.com/hc/ja/articles/360036898474')
  })
})
