import nunjucks from 'nunjucks'
import { TEMPLATES_DIR } from './templates.js'

/** What the browser is shown at the end of `/slack/oauth_redirect`. */
export type InstallOutcome =
  | { kind: 'installed'; team?: string; adopted?: number }
  | { kind: 'cancelled' }
  | { kind: 'org' }
  | { kind: 'failed'; code: string }

const TITLES: Record<InstallOutcome['kind'], string> = {
  installed: 'インストールしました',
  cancelled: 'インストールを取り消しました',
  org: '組織全体へのインストールには対応していません',
  failed: 'インストールできませんでした',
}

/** Errors of the state check (an old tab, another browser): the user only has to start again. */
const STATE_ERRORS = new Set([
  'slack_oauth_invalid_state',
  'slack_oauth_missing_state',
  'slack_oauth_missing_code',
])

// HTML, so this environment escapes (the Slack templates must not).
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(TEMPLATES_DIR), {
  autoescape: true,
  throwOnUndefined: false,
})

/** The install flow's page (templates/pages/install.njk), in Japanese. */
export function installPage(outcome: InstallOutcome, installPath: string): string {
  return env.render('pages/install.njk', {
    ...outcome,
    title: TITLES[outcome.kind],
    installPath,
    ...(outcome.kind === 'failed' ? { reason: outcome.code, expired: STATE_ERRORS.has(outcome.code) } : {}),
  })
}
