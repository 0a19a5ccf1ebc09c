import type {
  App,
  BlockButtonAction,
  Middleware,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt'

type CommandHandler = Middleware<SlackCommandMiddlewareArgs>
type ActionHandler = Middleware<SlackActionMiddlewareArgs<BlockButtonAction>>
type ViewHandler = Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>>
type HomeOpenedHandler = Middleware<SlackEventMiddlewareArgs<'app_home_opened'>>

/**
 * Listener files register here with the same calls as on a Bolt App; the router then installs one
 * Bolt listener per kind that dispatches by command name, action_id, callback_id or event type.
 * Bolt runs every listener's matching middleware for every request, so two dozen listeners cost
 * each request two dozen chains; a lookup costs it one (see bench/README: acknowledgement latency).
 */
export class Router {
  private readonly commands = new Map<string, CommandHandler>()
  private readonly actions: Array<{ id: string | RegExp; handler: ActionHandler }> = []
  private readonly views = new Map<string, ViewHandler>()
  private readonly homeOpened: HomeOpenedHandler[] = []

  command(name: string, handler: CommandHandler): void {
    if (this.commands.has(name)) throw new Error(`Command ${name} registered twice`)
    this.commands.set(name, handler)
  }

  action(id: string | RegExp, handler: ActionHandler): void {
    this.actions.push({ id, handler })
  }

  view(callbackId: string, handler: ViewHandler): void {
    if (this.views.has(callbackId)) throw new Error(`View ${callbackId} registered twice`)
    this.views.set(callbackId, handler)
  }

  /** The only event the bot subscribes to (manifest.json); the type keeps call sites Bolt-shaped. */
  event(_type: 'app_home_opened', handler: HomeOpenedHandler): void {
    this.homeOpened.push(handler)
  }

  private findAction(id: string): ActionHandler | undefined {
    return this.actions.find((a) => (typeof a.id === 'string' ? a.id === id : a.id.test(id)))?.handler
  }

  install(app: App): void {
    const commands = [...this.commands.keys()]
    app.command(
      new RegExp(`^(${commands.map((c) => c.replace(/[/-]/g, '\\$&')).join('|')})$`),
      async (args) => {
        await this.commands.get(args.command.command)?.(args)
      },
    )
    app.action<BlockButtonAction>({ type: 'block_actions' }, async (args) => {
      const handler = this.findAction(args.action.action_id)
      if (handler) await handler(args)
      else await args.ack()
    })
    app.view({ type: 'view_submission' }, async (args) => {
      const handler = this.views.get(args.view.callback_id)
      if (handler) await handler(args as Parameters<ViewHandler>[0])
      else await args.ack()
    })
    app.event('app_home_opened', async (args) => {
      for (const handler of this.homeOpened) await handler(args)
    })
  }
}
