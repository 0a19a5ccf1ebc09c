import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types'

/**
 * Input-block builders shared by every modal. Each input's `block_id` is the field name of the
 * interface contract; the single element inside always has `action_id: "value"`.
 */
export const FIELD_ACTION_ID = 'value'

export interface Choice {
  value: string
  label: string
  description?: string
}

interface InputOptions {
  hint?: string
  optional?: boolean
}

function plain(text: string) {
  return { type: 'plain_text' as const, text, emoji: true }
}

function options(choices: readonly Choice[]): PlainTextOption[] {
  return choices.map((c) => ({
    value: c.value,
    text: plain(c.label),
    ...(c.description ? { description: plain(c.description) } : {}),
  }))
}

function input(
  blockId: string,
  label: string,
  element: InputBlock['element'],
  opts: InputOptions,
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label),
    element,
    optional: opts.optional ?? false,
    ...(opts.hint ? { hint: plain(opts.hint) } : {}),
  }
}

export function textInput(
  blockId: string,
  label: string,
  opts: InputOptions & {
    initial?: string
    placeholder?: string
    multiline?: boolean
    maxLength?: number
  } = {},
): InputBlock {
  return input(
    blockId,
    label,
    {
      type: 'plain_text_input',
      action_id: FIELD_ACTION_ID,
      multiline: opts.multiline ?? false,
      ...(opts.initial ? { initial_value: opts.initial } : {}),
      ...(opts.placeholder ? { placeholder: plain(opts.placeholder) } : {}),
      ...(opts.maxLength ? { max_length: opts.maxLength } : {}),
    },
    opts,
  )
}

export function staticSelect(
  blockId: string,
  label: string,
  choices: readonly Choice[],
  opts: InputOptions & { initial?: string; placeholder?: string } = {},
): InputBlock {
  const all = options(choices)
  const initial = all.find((o) => o.value === opts.initial)
  return input(
    blockId,
    label,
    {
      type: 'static_select',
      action_id: FIELD_ACTION_ID,
      options: all,
      placeholder: plain(opts.placeholder ?? '選択してください'),
      ...(initial ? { initial_option: initial } : {}),
    },
    opts,
  )
}

export function radioButtons(
  blockId: string,
  label: string,
  choices: readonly Choice[],
  opts: InputOptions & { initial?: string } = {},
): InputBlock {
  const all = options(choices)
  const initial = all.find((o) => o.value === opts.initial)
  return input(
    blockId,
    label,
    {
      type: 'radio_buttons',
      action_id: FIELD_ACTION_ID,
      options: all,
      ...(initial ? { initial_option: initial } : {}),
    },
    opts,
  )
}

export function checkboxes(
  blockId: string,
  label: string,
  choices: readonly Choice[],
  opts: InputOptions & { initial?: readonly string[] } = {},
): InputBlock {
  const all = options(choices)
  const initial = all.filter((o) => o.value !== undefined && opts.initial?.includes(o.value))
  return input(
    blockId,
    label,
    {
      type: 'checkboxes',
      action_id: FIELD_ACTION_ID,
      options: all,
      ...(initial.length > 0 ? { initial_options: initial } : {}),
    },
    opts,
  )
}

/** A warning line above a form (e.g. what SORACOM answered, or why it could not be asked). */
export function banner(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] }
}

/** A modal that only says something (checking, done), with a close button. */
/** A form: its title, the submit label and キャンセル, the private_metadata it carries, its blocks. */
export function formModal(args: {
  callbackId: string
  privateMetadata: string
  title: string
  submit: string
  blocks: KnownBlock[]
}): ModalView {
  return {
    type: 'modal',
    callback_id: args.callbackId,
    private_metadata: args.privateMetadata,
    title: plain(args.title),
    submit: plain(args.submit),
    close: plain('キャンセル'),
    blocks: args.blocks,
  }
}

/** A modal that only says something, with 閉じる. */
export function messageModal(callbackId: string, title: string, text: string): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    title: plain(title),
    close: plain('閉じる'),
    blocks: [note(text)],
  }
}

export function datepicker(
  blockId: string,
  label: string,
  opts: InputOptions & { initial?: string } = {},
): InputBlock {
  return input(
    blockId,
    label,
    {
      type: 'datepicker',
      action_id: FIELD_ACTION_ID,
      placeholder: plain('日付を選択'),
      ...(opts.initial ? { initial_date: opts.initial } : {}),
    },
    opts,
  )
}

/** A channel picker (`conversations_select`), public and private channels only. */
export function conversationsSelect(
  blockId: string,
  label: string,
  opts: InputOptions & { initial?: string } = {},
): InputBlock {
  return input(
    blockId,
    label,
    {
      type: 'conversations_select',
      action_id: FIELD_ACTION_ID,
      placeholder: plain('チャンネルを選択'),
      filter: { include: ['public', 'private'], exclude_bot_users: true },
      ...(opts.initial ? { initial_conversation: opts.initial } : {}),
    },
    opts,
  )
}

export function note(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } }
}

export function modalText(text: string) {
  return plain(text)
}
