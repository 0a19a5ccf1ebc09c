import type { ListenerDeps } from '../deps.js'
import type { Router } from '../router.js'
import { registerAppHomeOpened } from './app-home-opened.js'

export function registerEvents(app: Router, deps: ListenerDeps): void {
  registerAppHomeOpened(app, deps)
}
