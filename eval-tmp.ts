import { loadGuide } from './src/answers/guide-index.js'
import { evaluate } from './test/answers/evaluate.js'

const entries = loadGuide()
for (const tokenizer of ['bigram', 'segmenter', 'hybrid'] as const)
  for (const minCoverage of [0.25, 0.3, 0.35, 0.4, 0.5]) {
    const s = evaluate(entries, { tokenizer, minCoverage, minScore: 0 })
    console.log(
      tokenizer,
      minCoverage,
      `top1 ${s.top1}/${s.answerable}`,
      `declined-right ${s.correctlyDeclined}/${s.unanswerable}`,
    )
  }
for (const m of evaluate(entries, { tokenizer: 'bigram', minCoverage: 0.3, minScore: 0 }).misses)
  console.log(JSON.stringify(m))
