/**
 * Slack's documented limits for the payloads this bot sends, in one place. The fake Slack checks
 * every call against them, so a test cannot pass with a payload real Slack would refuse.
 *
 * Sources (Slack's Block Kit and Web API reference, docs.slack.dev):
 * - reference/block-kit/blocks: section (text 1–3,000, fields ≤ 10 × 2,000, block_id ≤ 255),
 *   header (text ≤ 150), context (≤ 10 elements), actions (≤ 25 elements), input (label ≤ 2,000,
 *   hint ≤ 2,000), divider, rich_text
 * - reference/block-kit/block-elements: button (text ≤ 75, value ≤ 2,000, url ≤ 3,000,
 *   action_id ≤ 255), static select (options ≤ 100, placeholder ≤ 150), checkboxes and radio
 *   buttons (options ≤ 10), plain-text input (placeholder ≤ 150, max_length ≤ 3,000)
 * - reference/block-kit/composition-objects: text object (text ≥ 1), option (text ≤ 75,
 *   value ≤ 150, description ≤ 75), confirmation dialog (title ≤ 100, text ≤ 300, confirm and
 *   deny ≤ 30)
 * - reference/surfaces/messages: ≤ 50 blocks; reference/methods/chat.postMessage: text
 *   truncated past 40,000 (msg_too_long)
 * - reference/surfaces/modals and app-home: ≤ 100 blocks; title, submit and close ≤ 24;
 *   private_metadata ≤ 3,000; callback_id ≤ 255
 * - reference/methods/chat.scheduleMessage: post_at in the future, at most 120 days ahead
 * - block_id unique within a message or view; action_id unique within its block
 */
export const LIMITS = {
  messageBlocks: 50,
  messageText: 40_000,
  viewBlocks: 100,
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3_000,
  callbackId: 255,
  blockId: 255,
  actionId: 255,
  sectionText: 3_000,
  sectionFields: 10,
  sectionFieldText: 2_000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  inputLabel: 2_000,
  inputHint: 2_000,
  buttonText: 75,
  buttonValue: 2_000,
  buttonUrl: 3_000,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  staticSelectOptions: 100,
  choiceOptions: 10,
  placeholder: 150,
  inputMaxLength: 3_000,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  scheduleHorizonS: 120 * 24 * 3600,
} as const

type Json = Record<string, unknown>
const len = (v: unknown) => [...String(v ?? '')].length
const textOf = (o: unknown) => (o as Json | undefined)?.text

/** The violations in one Web API call (or response_url post); empty when Slack would accept it. */
export function violationsOf(method: string, args: Json, nowS = Date.now() / 1000): string[] {
  const out: string[] = []
  const check = (ok: boolean, what: string) => {
    if (!ok) out.push(`${method}: ${what}`)
  }
  const isMessage =
    /^chat\.(postMessage|update|postEphemeral|scheduleMessage)$/.test(method) || method === 'response_url'
  if (isMessage) {
    const blocks = (args.blocks as Json[] | undefined) ?? []
    check(blocks.length <= LIMITS.messageBlocks, `${blocks.length} blocks > ${LIMITS.messageBlocks}`)
    check(len(args.text) <= LIMITS.messageText, `text ${len(args.text)} > ${LIMITS.messageText}`)
    checkBlocks(blocks, check)
  }
  if (method === 'chat.scheduleMessage') {
    const postAt = Number(args.post_at)
    check(postAt > nowS, 'post_at is not in the future')
    check(postAt <= nowS + LIMITS.scheduleHorizonS, 'post_at is more than 120 days ahead')
  }
  if (/^views\.(open|update|push|publish)$/.test(method)) {
    const view = (args.view as Json | undefined) ?? {}
    const blocks = (view.blocks as Json[] | undefined) ?? []
    check(blocks.length <= LIMITS.viewBlocks, `${blocks.length} view blocks > ${LIMITS.viewBlocks}`)
    for (const key of ['title', 'submit', 'close'] as const) {
      if (view[key] !== undefined) check(len(textOf(view[key])) <= LIMITS.viewTitle, `view ${key} > 24`)
    }
    check(len(view.private_metadata) <= LIMITS.privateMetadata, 'private_metadata > 3,000')
    check(len(view.callback_id) <= LIMITS.callbackId, 'callback_id > 255')
    checkBlocks(blocks, check)
  }
  return out
}

function checkBlocks(blocks: Json[], check: (ok: boolean, what: string) => void): void {
  const blockIds = new Set<string>()
  for (const [i, block] of blocks.entries()) {
    const at = `blocks[${i}] (${String(block.type)})`
    if (block.block_id !== undefined) {
      const id = String(block.block_id)
      check(len(id) <= LIMITS.blockId, `${at} block_id > 255`)
      check(!blockIds.has(id), `${at} block_id "${id}" is not unique`)
      blockIds.add(id)
    }
    switch (block.type) {
      case 'section': {
        if (block.text !== undefined) checkText(block.text, LIMITS.sectionText, `${at} text`, check)
        const fields = (block.fields as Json[] | undefined) ?? []
        check(fields.length <= LIMITS.sectionFields, `${at} ${fields.length} fields > 10`)
        for (const f of fields) checkText(f, LIMITS.sectionFieldText, `${at} field`, check)
        check(block.text !== undefined || fields.length > 0, `${at} has neither text nor fields`)
        if (block.accessory) checkElement(block.accessory as Json, `${at} accessory`, check)
        break
      }
      case 'header':
        checkText(block.text, LIMITS.headerText, `${at} text`, check)
        break
      case 'context': {
        const elements = (block.elements as Json[] | undefined) ?? []
        check(
          elements.length >= 1 && elements.length <= LIMITS.contextElements,
          `${at} ${elements.length} elements`,
        )
        for (const e of elements)
          if (e.type !== 'image') checkText(e, LIMITS.sectionText, `${at} element`, check)
        break
      }
      case 'actions': {
        const elements = (block.elements as Json[] | undefined) ?? []
        check(
          elements.length >= 1 && elements.length <= LIMITS.actionsElements,
          `${at} ${elements.length} elements`,
        )
        const actionIds = new Set<string>()
        for (const e of elements) {
          const id = String(e.action_id ?? '')
          check(!id || !actionIds.has(id), `${at} action_id "${id}" is not unique`)
          actionIds.add(id)
          checkElement(e, at, check)
        }
        break
      }
      case 'input':
        checkText(block.label, LIMITS.inputLabel, `${at} label`, check)
        if (block.hint) checkText(block.hint, LIMITS.inputHint, `${at} hint`, check)
        checkElement(block.element as Json, `${at} element`, check)
        break
      case 'divider':
      case 'rich_text':
      case 'image':
        break
      default:
        check(false, `${at} unknown block type`)
    }
  }
}

function checkText(
  object: unknown,
  max: number,
  what: string,
  check: (ok: boolean, what: string) => void,
): void {
  const n = len(textOf(object))
  check(n >= 1, `${what} is empty`)
  check(n <= max, `${what} ${n} > ${max}`)
}

function checkElement(e: Json, at: string, check: (ok: boolean, what: string) => void): void {
  if (e.action_id !== undefined) check(len(e.action_id) <= LIMITS.actionId, `${at} action_id > 255`)
  if (e.placeholder) checkText(e.placeholder, LIMITS.placeholder, `${at} placeholder`, check)
  if (e.confirm) {
    const c = e.confirm as Json
    checkText(c.title, LIMITS.confirmTitle, `${at} confirm title`, check)
    checkText(c.text, LIMITS.confirmText, `${at} confirm text`, check)
    checkText(c.confirm, LIMITS.confirmButton, `${at} confirm button`, check)
    checkText(c.deny, LIMITS.confirmButton, `${at} deny button`, check)
  }
  switch (e.type) {
    case 'button':
      checkText(e.text, LIMITS.buttonText, `${at} button text`, check)
      check(len(e.value) <= LIMITS.buttonValue, `${at} button value > 2,000`)
      check(len(e.url) <= LIMITS.buttonUrl, `${at} button url > 3,000`)
      break
    case 'static_select':
    case 'checkboxes':
    case 'radio_buttons': {
      const options = (e.options as Json[] | undefined) ?? []
      const max = e.type === 'static_select' ? LIMITS.staticSelectOptions : LIMITS.choiceOptions
      check(options.length >= 1 && options.length <= max, `${at} ${options.length} options (1–${max})`)
      for (const o of options) {
        checkText(o.text, LIMITS.optionText, `${at} option text`, check)
        check(len(o.value) <= LIMITS.optionValue, `${at} option value > 150`)
        if (o.description)
          checkText(o.description, LIMITS.optionDescription, `${at} option description`, check)
      }
      break
    }
    case 'plain_text_input':
      if (e.max_length !== undefined)
        check(Number(e.max_length) <= LIMITS.inputMaxLength, `${at} max_length > 3,000`)
      break
    default:
      break
  }
}
