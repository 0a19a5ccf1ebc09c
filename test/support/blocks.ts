import type { SlackCall } from './fake-slack.js'

type Block = {
  type: string
  block_id?: string
  text?: { text: string }
  accessory?: { action_id: string; value: string; text: { text: string } }
  elements?: Array<{ type: string; action_id?: string; value?: string; elements?: Array<{ text: string }> }>
}

export function blocksOf(call: SlackCall): Block[] {
  return (call.args.blocks ?? []) as Block[]
}

/** The ticket text in the message's preformatted rich-text block, exactly as posted. */
export function preformattedText(call: SlackCall): string {
  const rich = blocksOf(call).find((b) => b.type === 'rich_text')
  return rich?.elements?.[0]?.elements?.map((e) => e.text).join('') ?? ''
}

/** Everything a reader sees in the message, as one string. */
export function visibleText(call: SlackCall): string {
  return JSON.stringify(call.args.blocks ?? [])
}

/** Buttons in the message, wherever they are (actions blocks and section accessories). */
export function buttonsOf(call: SlackCall): Array<{ action_id: string; value: string; block_id?: string }> {
  const found: Array<{ action_id: string; value: string; block_id?: string }> = []
  for (const block of blocksOf(call)) {
    if (block.accessory) found.push({ ...block.accessory, block_id: block.block_id })
    for (const e of block.elements ?? []) {
      if (e.action_id) found.push({ action_id: e.action_id, value: e.value ?? '', block_id: block.block_id })
    }
  }
  return found
}

/** The button with this action_id (or in this block), or a failure that lists what there is. */
export function buttonNamed(call: SlackCall, actionId: string, blockId?: string) {
  const all = buttonsOf(call)
  const found = all.find((b) => b.action_id === actionId && (blockId === undefined || b.block_id === blockId))
  if (!found)
    throw new Error(
      `no ${actionId} button${blockId ? ` in ${blockId}` : ''}; there are: ${all.map((b) => `${b.block_id}/${b.action_id}`).join(', ')}`,
    )
  return found
}
