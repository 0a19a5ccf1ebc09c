import { createHmac } from 'node:crypto'

export const SIGNING_SECRET = 'test-signing-secret'

/** Slack's v0 signature: HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the signing secret. */
export function signatureHeaders(body: string, opts: { secret?: string; timestamp?: number } = {}) {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000)
  const signature = createHmac('sha256', opts.secret ?? SIGNING_SECRET)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex')
  return {
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': `v0=${signature}`,
  }
}

export interface SendOptions {
  secret?: string
  timestamp?: number
  unsigned?: boolean
  headers?: Record<string, string>
}

/** POSTs a form body to the bot's `/slack/events` as Slack would. */
export async function postSigned(baseUrl: string, form: Record<string, string>, opts: SendOptions = {}) {
  const body = new URLSearchParams(form).toString()
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    ...(opts.unsigned ? {} : signatureHeaders(body, opts)),
    ...opts.headers,
  }
  const res = await fetch(`${baseUrl}/slack/events`, { method: 'POST', headers, body })
  const text = await res.text()
  return { status: res.status, text, json: () => (text === '' ? undefined : (JSON.parse(text) as unknown)) }
}

export interface SlashCommand {
  command: string
  teamId?: string
  text?: string
  userId?: string
  channelId?: string
  responseUrl: string
}

export function slashCommandForm(c: SlashCommand): Record<string, string> {
  return {
    token: 'legacy-token',
    team_id: c.teamId ?? 'T000TEST',
    team_domain: 'test',
    channel_id: c.channelId ?? 'C0BILLING',
    channel_name: 'billing',
    user_id: c.userId ?? 'U0ALICE',
    user_name: 'alice',
    command: c.command,
    text: c.text ?? '',
    api_app_id: 'A0BOT',
    is_enterprise_install: 'false',
    response_url: c.responseUrl,
    trigger_id: `trigger.${Math.random().toString(36).slice(2)}`,
  }
}

export type Answer = string | string[] | undefined

type Block = {
  type: string
  block_id?: string
  element?: { type: string; action_id: string; options?: Array<{ value: string; text: unknown }> }
}

/**
 * Builds `view.state.values` from the modal the bot actually opened, filling each named block as
 * its element type requires; fails loudly when a block_id of the contract is missing.
 */
export function stateFromModal(view: { blocks: Block[] }, answers: Record<string, Answer>) {
  const values: Record<string, Record<string, unknown>> = {}
  for (const [blockId, answer] of Object.entries(answers)) {
    const block = view.blocks.find((b) => b.block_id === blockId)
    if (!block?.element) throw new Error(`The modal has no input block "${blockId}"`)
    const { type, action_id, options } = block.element
    const option = (value: string) => {
      const found = options?.find((o) => o.value === value)
      return found ?? { value, text: { type: 'plain_text', text: value } }
    }
    let state: Record<string, unknown>
    switch (type) {
      case 'static_select':
      case 'radio_buttons':
        state = { type, selected_option: answer === undefined ? null : option(String(answer)) }
        break
      case 'checkboxes':
        state = {
          type,
          selected_options: (Array.isArray(answer) ? answer : answer ? [answer] : []).map(option),
        }
        break
      case 'datepicker':
        state = { type, selected_date: answer ?? null }
        break
      default:
        state = { type, value: answer ?? null }
    }
    values[blockId] = { [action_id]: state }
  }
  return { values }
}

export function viewSubmissionForm(
  view: { callback_id: string; private_metadata?: string; blocks: Block[] },
  answers: Record<string, Answer>,
  opts: { userId?: string; viewId?: string; teamId?: string } = {},
): Record<string, string> {
  const team = opts.teamId ?? 'T000TEST'
  const payload = {
    type: 'view_submission',
    team: { id: team, domain: 'test' },
    user: { id: opts.userId ?? 'U0ALICE', username: 'alice', name: 'alice', team_id: team },
    api_app_id: 'A0BOT',
    token: 'legacy-token',
    trigger_id: `trigger.${Math.random().toString(36).slice(2)}`,
    view: {
      // Every opened modal has its own id; a resubmission of the same one repeats it.
      id: opts.viewId ?? `V${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
      team_id: team,
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata ?? '',
      blocks: view.blocks,
      state: stateFromModal(view, answers),
      hash: 'h',
      app_id: 'A0BOT',
      bot_id: 'BBOT',
    },
    response_urls: [],
    is_enterprise_install: false,
  }
  return { payload: JSON.stringify(payload) }
}

export function blockActionsForm(
  action: { action_id: string; block_id?: string; value?: string },
  context: {
    userId?: string
    channelId?: string
    messageTs?: string
    responseUrl: string
    home?: boolean
    teamId?: string
  },
): Record<string, string> {
  const team = context.teamId ?? 'T000TEST'
  const common = {
    type: 'block_actions',
    team: { id: team, domain: 'test' },
    user: { id: context.userId ?? 'U0ALICE', username: 'alice', name: 'alice', team_id: team },
    api_app_id: 'A0BOT',
    token: 'legacy-token',
    trigger_id: `trigger.${Math.random().toString(36).slice(2)}`,
    actions: [
      {
        type: 'button',
        block_id: action.block_id ?? 'b',
        action_id: action.action_id,
        value: action.value ?? '',
        action_ts: '1',
      },
    ],
  }
  const where = context.home
    ? // A button on App Home: a view container, no channel, no response_url.
      { container: { type: 'view', view_id: 'VHOME' }, view: { id: 'VHOME', type: 'home' } }
    : {
        container: {
          type: 'message',
          message_ts: context.messageTs ?? '1.1',
          channel_id: context.channelId ?? 'C0BILLING',
        },
        channel: { id: context.channelId ?? 'C0BILLING', name: 'billing' },
        message: { ts: context.messageTs ?? '1.1', type: 'message', text: '' },
        response_url: context.responseUrl,
      }
  return { payload: JSON.stringify({ ...common, ...where }) }
}

/** POSTs an Events API callback (JSON) to the bot's `/slack/events` as Slack would. */
export async function postSignedEvent(
  baseUrl: string,
  event: Record<string, unknown>,
  opts: SendOptions & { eventId?: string; teamId?: string } = {},
) {
  const team = opts.teamId ?? 'T000TEST'
  const body = JSON.stringify({
    token: 'legacy-token',
    team_id: team,
    api_app_id: 'A0BOT',
    type: 'event_callback',
    event_id: opts.eventId ?? `Ev${Math.random().toString(36).slice(2)}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: team, user_id: 'UBOT', is_bot: true }],
    event,
  })
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...(opts.unsigned ? {} : signatureHeaders(body, opts)),
    ...opts.headers,
  }
  const res = await fetch(`${baseUrl}/slack/events`, { method: 'POST', headers, body })
  return { status: res.status, text: await res.text() }
}
