import type { AppDeps } from '../app/deps.js'
import { type BotContext, workspaceOf } from './context.js'

/**
 * The listeners of one kind (commands, modals, buttons) live in a table, and one Bolt listener
 * per kind dispatches through it. Bolt runs every registered listener's matchers for every
 * request, copying the request's arguments each time: with one Bolt listener per id, each
 * acknowledgement paid for ~36 matcher runs (docs/benchmarks.md, "The acknowledgement path").
 *
 * A row makes its listener from one workspace's dependencies: the table is built once per
 * workspace, on its first request, so a listener can only ever reach its own workspace's records.
 */

/** One row of a table: the ids it answers (an exact id, or a pattern), and how its listener is made. */
export type Route<Listener> = readonly [id: string | RegExp, make: (deps: AppDeps) => Listener]

const escapeId = (id: string) => id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
const source = (id: string | RegExp) =>
  typeof id === 'string' ? escapeId(id) : id.source.replace(/^\^|\$$/g, '')

/** Matches exactly the ids of the table's rows (Bolt's constraint for the one listener). */
export function idPattern(routes: ReadonlyArray<Route<unknown>>): RegExp {
  return new RegExp(`^(?:${routes.map(([id]) => source(id)).join('|')})$`)
}

type Built<Args> = ReadonlyArray<readonly [id: string | RegExp, listener: (args: Args) => Promise<unknown>]>

/**
 * The one Bolt listener of a table: finds the row for `idOf(args)` and runs it with the listener
 * made for the request's workspace (made on that workspace's first request, then kept).
 */
export function dispatcher<Args extends { context: BotContext }>(
  routes: ReadonlyArray<Route<(args: Args) => Promise<unknown>>>,
  idOf: (args: Args) => string,
): (args: Args) => Promise<void> {
  const tableOf = perWorkspace((deps): Built<Args> => routes.map(([id, make]) => [id, make(deps)] as const))
  return (args) => {
    const table = tableOf(args.context)
    const id = idOf(args)
    const route = table.find(([match]) => (typeof match === 'string' ? match === id : match.test(id)))
    if (!route) throw new Error(`no listener for ${id}`)
    return route[1](args).then(() => undefined)
  }
}

/** What `make` builds from a workspace's dependencies, built on its first request and kept. */
export function perWorkspace<T>(make: (deps: AppDeps) => T): (context: BotContext) => T {
  const built = new WeakMap<AppDeps, T>()
  return (context) => {
    const { deps } = workspaceOf(context)
    const known = built.get(deps)
    if (known !== undefined) return known
    const made = make(deps)
    built.set(deps, made)
    return made
  }
}

/** A button in a list carries a suffix after `:` (`bill_show:OP…:jp`, `guide_start:invoice_reissue`). */
export const withSuffix = (id: string): RegExp => new RegExp(`^${escapeId(id)}(?::.*)?$`)
