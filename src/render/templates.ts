import { fileURLToPath } from 'node:url'
import nunjucks from 'nunjucks'
import type { TicketText } from '../domain/ticket.js'
import { escapeMrkdwn } from './mrkdwn.js'
import { formatJpDate } from './time.js'

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url))

export interface Renderer {
  /** Renders `templates/tickets/<name>.njk`: plain text, `件名:` line first, then `本文:`. */
  ticket(name: string, model: object): TicketText
  /** Renders `templates/guidance/<name>.njk`: Slack mrkdwn shown around tickets or instead of one. */
  guidance(name: string, model: object): string
}

/**
 * One environment for all templates. `autoescape` is off because nunjucks' HTML escaping turns
 * `'` into `&#39;`, which Slack shows literally; guidance templates escape user text for mrkdwn
 * with the `mrkdwn` filter instead. `throwOnUndefined` turns a missing view-model field into a bug
 * rather than a blank in a ticket.
 */
export function createRenderer(dir: string = TEMPLATES_DIR): Renderer {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(dir), {
    autoescape: false,
    throwOnUndefined: true,
    trimBlocks: true,
    lstripBlocks: true,
  })
  env.addFilter('mrkdwn', (value: unknown) => escapeMrkdwn(String(value)))
  env.addFilter('jpdate', (value: unknown) => formatJpDate(String(value)))
  const render = (path: string, model: object) => env.render(path, model).replace(/\n+$/, '')
  return {
    ticket: (name, model) => splitTicketText(render(`tickets/${name}.njk`, model)),
    guidance: (name, model) => render(`guidance/${name}.njk`, model),
  }
}

const TICKET_TEXT = /^件名: (.+)\n\n本文:\n([\s\S]*)$/

/** Splits rendered ticket text into 件名 and 本文; a template that breaks the layout is a bug. */
export function splitTicketText(full: string): TicketText {
  const match = TICKET_TEXT.exec(full)
  if (!match?.[1] || match[2] === undefined) {
    throw new Error(
      `Ticket template output must start with "件名: …", a blank line and "本文:"; got: ${full.slice(0, 80)}`,
    )
  }
  return { subject: match[1], body: match[2], full }
}
