import type { KnownBlock } from '@slack/types'

/** Slack refuses section text over 3,000 characters (Block Kit reference: section block). */
export const SECTION_LIMIT = 3000
/** No single list line may crowd out the rest: longer ones are cut (after escaping). */
const LINE_LIMIT = 600

/** Cuts a line of mrkdwn to `max` characters without leaving half an escape (`&am…`) behind. */
export function truncateMrkdwn(text: string, max = LINE_LIMIT): string {
  const chars = [...text]
  if (chars.length <= max) return text
  return `${chars
    .slice(0, max - 1)
    .join('')
    .replace(/&[a-z]{0,3}$/, '')}…`
}

/**
 * A list as section blocks that fit Slack by construction: each line is cut to a sane length
 * after escaping, at most `maxLines` lines are shown (the rest counted in a context line), and the
 * lines are packed into as many sections as they need, none over 3,000 characters.
 */
export function listSections(
  lines: readonly string[],
  options: { heading?: string; maxLines?: number; more?: (hidden: number) => string; total?: number } = {},
): KnownBlock[] {
  const maxLines = options.maxLines ?? lines.length
  const shown = lines.slice(0, maxLines).map((line) => truncateMrkdwn(line))
  // `total`: the caller built only the lines it shows (formatting thousands costs), and says how many there are.
  const hidden = (options.total ?? lines.length) - shown.length
  const blocks: KnownBlock[] = []
  let current = options.heading ?? ''
  for (const line of shown) {
    const candidate = current === '' ? line : `${current}\n${line}`
    if ([...candidate].length <= SECTION_LIMIT) {
      current = candidate
      continue
    }
    blocks.push(section(current))
    current = line
  }
  if (current !== '') blocks.push(section(current))
  if (hidden > 0) {
    const text = options.more ? options.more(hidden) : `ほか ${hidden} 件`
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text }] })
  }
  return blocks
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } }
}
