import { readFileSync } from 'node:fs'
import { CORE_SCHEMA, load } from 'js-yaml'
import MiniSearch, { type SearchResult } from 'minisearch'
import { z } from 'zod'
import type { Answerer } from '../app/ports.js'
import { type GuideAnswer, type GuideEntry, guideEntrySchema } from '../domain/guide.js'
import { withoutPleasantries } from './pleasantries.js'
import { expandQuestion } from './thesaurus.js'
import { HAS_JAPANESE, normalize, TOKENIZER, TOKENIZERS, type TokenizerName } from './tokenize.js'

export const KNOWLEDGE_FILE = new URL('../../knowledge/guide.yaml', import.meta.url)
export const NOT_IN_GUIDE_FILE = new URL('../../knowledge/not-in-guide.yaml', import.meta.url)

/**
 * A neighbour of billing the guide does not cover (knowledge/not-in-guide.yaml): a question that
 * is closer to one of these than to every section is declined, however much it shares with one.
 */
export const notInGuideSchema = z.object({
  topic: z.string().min(1),
  asks: z.array(z.string().min(1)).min(2),
})
export type NotInGuide = z.infer<typeof notInGuideSchema>

/** YAML 1.2's core schema: 2021-03-01, yes and on stay the text they are, as an editor wrote them. */
const parseYaml = (text: string): unknown => load(text, { schema: CORE_SCHEMA })

/** Reads and validates knowledge/not-in-guide.yaml. */
export function loadNotInGuide(file: URL | string = NOT_IN_GUIDE_FILE): NotInGuide[] {
  return z.array(notInGuideSchema).parse(parseYaml(readFileSync(file, 'utf8')))
}

/** Reads and validates knowledge/guide.yaml: a broken entry stops start-up, naming it. */
export function loadGuide(file: URL | string = KNOWLEDGE_FILE): GuideEntry[] {
  const entries = z.array(guideEntrySchema).parse(parseYaml(readFileSync(file, 'utf8')))
  const ids = new Set<string>()
  for (const e of entries) {
    if (ids.has(e.id)) throw new Error(`knowledge/guide.yaml: § ${e.id} appears twice`)
    ids.add(e.id)
  }
  return entries
}

export interface GuideIndexOptions {
  tokenizer?: TokenizerName
  /**
   * Below this share of the question's terms found in the best section, the bot says it has no
   * answer instead of guessing. Tuned on the question set (test/answers/questions.ts).
   */
  minCoverage?: number
  /** …and below this BM25 score. */
  minScore?: number
  /** Field weights (the ways people ask weigh most). */
  boost?: { title: number; asksText: number; answer: number }
  /** Apply the domain thesaurus (thesaurus.ts) to the question (default: on). */
  thesaurus?: boolean
  /**
   * Above this share of the question's terms that appear nowhere in the guide, the question is
   * about something else (a Wi-Fi password, an APN) even when one word of it is the guide's.
   */
  maxUnknown?: number
  /** …and above this share of its content terms (those without hiragana: 株価, 転職, slack). */
  maxUnknownContent?: number
  /**
   * A best section matched by none of the question's terms that at most this many sections use
   * (only generic words: 設定, 方法, パスワード) is no answer. Undefined: off.
   */
  specificDf?: number
  /**
   * Re-rank: among the top 3 scoring at least this share of the best, the one matching the most
   * terms that at most `ownDf` sections use goes first (default: ANSWER_THRESHOLDS; undefined: off).
   */
  rerank?: { within: number; ownDf: number }
  /**
   * Decline a Japanese question that names something the knowledge base never mentions (a product,
   * a company: `namesSomethingElse`). Default: on.
   */
  foreignNames?: boolean
  /** A not-in-guide topic scoring at least this share of the best section's score declines. */
  topicWithin?: number
  /** The topics to decline (default: knowledge/not-in-guide.yaml; `[]`: none). */
  notInGuide?: readonly NotInGuide[]
}

/** Field weights, measured on the question set like the thresholds. */
export const FIELD_BOOST = { asksText: 3, title: 2, answer: 1 }

/** Defaults measured on the question set: see README "Answers from the guide". */
export const ANSWER_THRESHOLDS: {
  minCoverage: number
  minScore: number
  maxUnknown: number
  maxUnknownContent: number
  topicWithin: number
  specificDf: number | undefined
  rerank: { within: number; ownDf: number } | undefined
} = {
  minCoverage: 0.3,
  minScore: 1,
  maxUnknown: 0.6,
  maxUnknownContent: 0.5,
  topicWithin: 0.75,
  specificDf: 12,
  rerank: { within: 0.85, ownDf: 3 },
}

/**
 * BM25 search (MiniSearch) over the guide's sections: title, the ways people ask, and the answer,
 * with the ways people ask weighted most. Built once at start-up.
 */
export class GuideIndex implements Answerer {
  private readonly search: MiniSearch<GuideEntry & { asksText: string }>
  private readonly byId: Map<string, GuideEntry>
  private readonly tokenize: (text: string) => string[]
  private readonly minCoverage: number
  private readonly minScore: number
  private readonly maxUnknown: number
  private readonly maxUnknownContent: number
  private readonly topicWithin: number
  private readonly thesaurus: boolean
  private readonly foreignNames: boolean
  private readonly sectionsUsing = new Map<string, number>()
  private readonly specificDf: number | undefined
  private readonly rerank: GuideIndexOptions['rerank']
  private readonly notInGuide: ReadonlyMap<string, NotInGuide>

  constructor(entries: readonly GuideEntry[], options: GuideIndexOptions = {}) {
    this.tokenize = TOKENIZERS[options.tokenizer ?? TOKENIZER]
    this.minCoverage = options.minCoverage ?? ANSWER_THRESHOLDS.minCoverage
    this.minScore = options.minScore ?? ANSWER_THRESHOLDS.minScore
    this.maxUnknown = options.maxUnknown ?? ANSWER_THRESHOLDS.maxUnknown
    this.maxUnknownContent = options.maxUnknownContent ?? ANSWER_THRESHOLDS.maxUnknownContent
    this.topicWithin = options.topicWithin ?? ANSWER_THRESHOLDS.topicWithin
    this.thesaurus = options.thesaurus ?? true
    this.foreignNames = options.foreignNames ?? true
    this.specificDf = 'specificDf' in options ? options.specificDf : ANSWER_THRESHOLDS.specificDf
    this.rerank = 'rerank' in options ? options.rerank : ANSWER_THRESHOLDS.rerank
    this.byId = new Map(entries.map((e) => [e.id, e]))
    // The terms of the section being indexed, as the index itself tokenizes them (once): which
    // terms the guide uses at all, and in how many sections (the decline rules read both).
    let indexing: Set<string> | undefined
    const tokenize = this.tokenize
    this.search = new MiniSearch({
      fields: ['title', 'asksText', 'answer'],
      storeFields: [],
      tokenize: (text) => {
        const terms = tokenize(text)
        if (indexing) for (const t of terms) indexing.add(t)
        return terms
      },
      processTerm: (term) => term,
      searchOptions: { boost: options.boost ?? FIELD_BOOST, combineWith: 'OR', tokenize },
    })
    for (const e of entries) {
      indexing = new Set()
      this.search.add({ ...e, asksText: e.asks.join('\n') })
      for (const t of indexing) this.sectionsUsing.set(t, (this.sectionsUsing.get(t) ?? 0) + 1)
    }
    indexing = undefined
    // Indexed beside the sections under ids no section has; their words are not the guide's (the
    // decline rules above count only the sections').
    const topics = options.notInGuide ?? defaultNotInGuide()
    this.notInGuide = new Map(topics.map((t, i) => [`not-in-guide:${i}`, t]))
    // Their asks are indexed as a question is searched (with the thesaurus's words, when on), so an
    // English topic (set up the APN on a device) keeps its own question once it is expanded.
    const asAsked = (ask: string) => (this.thesaurus ? expandQuestion(ask) : ask)
    for (const [id, t] of this.notInGuide)
      this.search.add({
        id,
        title: t.topic,
        asks: t.asks,
        asksText: t.asks.map(asAsked).join('\n'),
        answer: '',
      })
  }

  /** The ranked sections for a question, with how much of the question each covers. */
  rank(question: string): Array<{ entry: GuideEntry; score: number; coverage: number; terms: string[] }> {
    return this.ranked(question).sections
  }

  /** The sections ranked, and whether a not-in-guide topic came before them all. */
  private ranked(question: string): {
    sections: Array<{ entry: GuideEntry; score: number; coverage: number; terms: string[] }>
    notInGuide: boolean
  } {
    const terms = new Set(this.tokenize(question))
    if (terms.size === 0) return { sections: [], notInGuide: false }
    const results = this.search.search(question)
    const sections = results.flatMap((r: SearchResult) => {
      const entry = this.byId.get(String(r.id))
      return entry
        ? [{ entry, score: r.score, coverage: new Set(r.queryTerms).size / terms.size, terms: r.queryTerms }]
        : []
    })
    // A topic ahead of every section, or close behind the best one: the question is more likely
    // about that neighbour (a topic has a handful of asks, a section a dozen or more).
    const topic = results.find((r) => this.notInGuide.has(String(r.id)))
    const [best] = sections
    const notInGuide =
      topic !== undefined && (best === undefined || topic.score >= best.score * this.topicWithin)
    return { sections, notInGuide }
  }

  entry(id: string): GuideEntry | undefined {
    return this.byId.get(id)
  }

  private reranked<T extends { score: number; terms: string[] }>(ranked: T[]): T[] {
    const options = this.rerank
    const [top] = ranked
    if (!options || !top) return ranked
    const own = (r: T) => r.terms.filter((t) => (this.sectionsUsing.get(t) ?? 0) <= options.ownDf).length
    const close = ranked.slice(0, 3).filter((r) => r.score >= top.score * options.within)
    const winner = close.reduce((a, b) => (own(b) > own(a) ? b : a), top)
    return winner === top ? ranked : [winner, ...ranked.filter((r) => r !== winner)]
  }

  /**
   * Whether a Japanese question names, in Latin letters, something the knowledge base never
   * mentions (Slack, freee, VPN): it asks about that thing, however much of the rest is billing
   * (「Slackのアカウントを作りたい」 is not §5.2.1). An English question is left to the other rules:
   * most of its words are not names. Katakana is not read as a name: ﾘｮｳｼｭｳｼｮ is a receipt.
   */
  namesSomethingElse(question: string): boolean {
    const written = question.normalize('NFKC').toLowerCase()
    if (!HAS_JAPANESE.test(written)) return false
    const known = (term: string) => this.sectionsUsing.has(term)
    for (const word of written.match(/[a-z][a-z0-9]+/g) ?? [])
      if (!known(word) && !this.tokenize(word).some(known)) return true
    return false
  }

  /**
   * The share of the question's distinct terms found nowhere in the guide; `content`: of those
   * without a hiragana in them (の支 and を作 are in every section and would dilute 株価 and 転職).
   */
  unknownShare(question: string, which: 'all' | 'content' = 'all'): number {
    const known = (t: string) => this.sectionsUsing.has(t)
    if (which === 'content') {
      // A katakana word the guide mostly does not use counts once (ﾘｮｳｼｭｳｼｮ is one word, not seven
      // bigrams); one it uses counts by its bigrams, as the search reads it.
      const strange = [...new Set(normalize(question).match(KATAKANA_WORD) ?? [])]
        .map((w) => this.tokenize(w))
        .filter((terms) => terms.length > 0 && terms.filter(known).length * 2 < terms.length)
      const inStrange = new Set(strange.flat())
      const terms = [...new Set(this.tokenize(question))].filter(
        (t) => !HIRAGANA.test(t) && !inStrange.has(t),
      )
      const total = terms.length + strange.length
      return total === 0 ? 0 : (terms.filter((t) => !known(t)).length + strange.length) / total
    }
    const terms = [...new Set(this.tokenize(question))]
    return terms.length === 0 ? 1 : terms.filter((t) => !known(t)).length / terms.length
  }

  answer(question: string): GuideAnswer {
    const asked = withoutPleasantries(question.slice(0, 500))
    const searched = this.thesaurus ? expandQuestion(asked) : asked
    if (this.unknownShare(searched) > this.maxUnknown) return { kind: 'no_answer', question }
    if (this.unknownShare(searched, 'content') > this.maxUnknownContent)
      return { kind: 'no_answer', question }
    if (this.foreignNames && this.namesSomethingElse(asked)) return { kind: 'no_answer', question }
    const ranked = this.ranked(searched)
    if (ranked.notInGuide) return { kind: 'no_answer', question }
    const [best, ...rest] = this.reranked(preferNamedParty(question, ranked.sections))
    if (!best || best.coverage < this.minCoverage || best.score < this.minScore)
      return { kind: 'no_answer', question }
    const limit = this.specificDf
    if (limit !== undefined && !best.terms.some((t) => (this.sectionsUsing.get(t) ?? 0) <= limit))
      return { kind: 'no_answer', question }
    const related = rest
      .filter((r) => r.score >= best.score * 0.5 && r.coverage >= this.minCoverage * 0.8)
      .slice(0, 2)
      .map((r) => r.entry)
    return { kind: 'answer', best: best.entry, related }
  }
}

const HIRAGANA = /\p{Script=Hiragana}/u
const KATAKANA_WORD = /[\p{Script=Katakana}ー]{2,}/gu

let notInGuideLoaded: NotInGuide[] | undefined
function defaultNotInGuide(): NotInGuide[] {
  notInGuideLoaded ??= loadNotInGuide()
  return notInGuideLoaded
}

/**
 * A question that names Net Protections (NP, NP 掛け払い) asks about NP: when the best-scoring
 * section is about someone else (「NPの電話番号」 matched SORACOM's 「電話番号」 section, §7.1), a
 * close runner-up about NP goes first (§2.5.2). Only between close candidates: the search still decides.
 */
const NP_IN_QUESTION = /(?<![a-z])np(?![a-z])|ネットプロテクション|掛け?払い/i
const NP_SECTION = /NP|ネットプロテクションズ/

function preferNamedParty<T extends { entry: GuideEntry; score: number }>(
  question: string,
  ranked: T[],
): T[] {
  const [best] = ranked
  if (!best || !NP_IN_QUESTION.test(question) || NP_SECTION.test(best.entry.title)) return ranked
  const np = ranked.slice(1, 5).find((r) => NP_SECTION.test(r.entry.title) && r.score >= best.score * 0.5)
  return np ? [np, ...ranked.filter((r) => r !== np)] : ranked
}
