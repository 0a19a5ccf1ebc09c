/** Renders Block Kit as plain text for the demo transcript: what a person would see in Slack. */

type Text = { text?: string }
type Option = { value: string; text: Text }
type Element = {
  type: string
  text?: Text | string
  action_id?: string
  options?: Option[]
  elements?: Element[]
  initial_value?: string
  initial_option?: Option
}
type Block = {
  type: string
  block_id?: string
  text?: Text
  label?: Text
  optional?: boolean
  element?: Element
  elements?: Element[]
  accessory?: Element
  hint?: Text
  fields?: Text[]
}

const indent = (text: string, by = '    ') =>
  text
    .split('\n')
    .map((l) => `${by}${l}`)
    .join('\n')

function richText(elements: Element[] = []): string {
  return elements
    .map((e) =>
      e.type === 'rich_text_preformatted'
        ? indent((e.elements ?? []).map((t) => (typeof t.text === 'string' ? t.text : '')).join(''), '  │ ')
        : (e.elements ?? []).map((t) => (typeof t.text === 'string' ? t.text : '')).join(''),
    )
    .join('\n')
}

const label = (e: Element) => (typeof e.text === 'string' ? e.text : (e.text?.text ?? ''))

/** A message or a Home tab: sections, the ticket text, context lines and buttons. */
export function messageToText(blocks: Block[]): string {
  const out: string[] = []
  for (const b of blocks) {
    if (b.type === 'header' || b.type === 'section') {
      const accessory = b.accessory?.type === 'button' ? `  [${label(b.accessory)}]` : ''
      if (b.text) out.push(`${b.text.text ?? ''}${accessory}`)
      for (const field of b.fields ?? []) out.push(`  ${field.text ?? ''}`)
    } else if (b.type === 'rich_text') out.push(richText(b.elements))
    else if (b.type === 'context') out.push((b.elements ?? []).map((e) => label(e)).join(' '))
    else if (b.type === 'actions') out.push((b.elements ?? []).map((e) => `[${label(e)}]`).join(' '))
    else if (b.type === 'divider') out.push('────────')
  }
  // Slack shows &lt; as <: so does the transcript.
  return out.join('\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
}

/** A modal's input fields: block_id, label, element type, choices, and what is pre-filled. */
export function modalFieldsToText(blocks: Block[]): string {
  return blocks
    .filter((b) => b.type === 'input' && b.element)
    .map((b) => {
      const e = b.element as Element
      const choices = e.options
        ? `: ${e.options.map((o) => `${o.value}=${o.text.text ?? ''}`).join(', ')}`
        : ''
      const prefilled = e.initial_value ?? e.initial_option?.value
      const extra = prefilled ? ` (pre-filled: ${prefilled})` : ''
      return `  • ${b.block_id} — ${b.label?.text ?? ''}${b.optional ? '（任意）' : ''} [${e.type}${choices}]${extra}`
    })
    .join('\n')
}
