import { readFileSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import type { HTTPReceiverOptions, Installation, Logger } from '@slack/bolt'
import { WebClient } from '@slack/web-api'
import type { OAuthConfig } from '../config.js'
import { type InstallOutcome, installPage } from '../render/install-page.js'
import type { SealedInstallationStore } from './installation-store.js'

export const INSTALL_PATH = '/slack/install'
export const REDIRECT_PATH = '/slack/oauth_redirect'

/** Bolt's code for an install the user cancelled on Slack's page (`error=access_denied`). */
const CANCELLED = 'slack_oauth_installer_authorization_error'

/** The bot scopes the install asks for: the manifest's, so the two never drift apart. */
export function manifestBotScopes(): string[] {
  const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as {
    oauth_config: { scopes: { bot: string[] } }
  }
  return manifest.oauth_config.scopes.bot
}

function page(res: ServerResponse, status: number, outcome: InstallOutcome): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
  res.end(installPage(outcome, INSTALL_PATH))
}

/**
 * Bolt's own OAuth v2 flow on the HTTP receiver: `GET /slack/install` sends the browser to Slack's
 * authorize page with the manifest's bot scopes and a signed `state` (also in a cookie, so the
 * callback must come back to the same browser); `GET /slack/oauth_redirect` calls
 * `oauth.v2.access` and stores the installation sealed. Every outcome is a Japanese page.
 *
 * Org-wide (Enterprise Grid) installs are refused: the data is kept per workspace, and one org
 * install would serve many workspaces from one record. The token Slack issued for it is revoked,
 * and the page asks for an install per workspace (which Grid workspaces can do).
 */
export function oauthReceiverOptions(
  oauth: OAuthConfig,
  installationStore: SealedInstallationStore,
  clientOptions: { slackApiUrl?: string; timeout: number },
  logger: Logger | undefined,
): Partial<HTTPReceiverOptions> {
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    redirectUri: `${oauth.baseUrl}${REDIRECT_PATH}`,
    installationStore,
    scopes: manifestBotScopes(),
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      // Straight to Slack's page: the bot has no landing page of its own.
      directInstall: true,
      clientOptions,
      callbackOptions: {
        afterInstallation: async (installation, _options, _req, res) => {
          if (!installation.isEnterpriseInstall) return true
          const token = installation.bot?.token
          if (token) {
            await new WebClient(token, { ...clientOptions, retryConfig: { retries: 0 } }).auth
              .revoke()
              .catch((error: unknown) =>
                logger?.warn('org-wide install refused; its token could not be revoked', { error }),
              )
          }
          logger?.info('org-wide install refused', { enterprise: installation.enterprise?.id ?? '' })
          page(res, 200, { kind: 'org' })
          return false
        },
        success: (installation, _options, _req, res) => {
          const teamId = (installation as Installation).team?.id ?? ''
          const result = installationStore.takeResult(teamId)
          logger?.info('workspace installed', { team: teamId, outcome: result?.kind ?? 'installed' })
          const team = (installation as Installation).team?.name
          page(res, 200, {
            kind: 'installed',
            ...(team ? { team } : {}),
            ...(result?.kind === 'adopted' ? { adopted: result.records } : {}),
          })
        },
        failure: (error, _options, _req, res) => {
          if (error.code === CANCELLED) {
            page(res, 200, { kind: 'cancelled' })
            return
          }
          logger?.warn('install failed', { code: error.code })
          page(res, 400, { kind: 'failed', code: error.code })
        },
      },
    },
  }
}
