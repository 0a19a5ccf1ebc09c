/**
 * The listeners of one kind (commands, modals, buttons) live in a table, and one Bolt listener
 * per kind dispatches through it. Bolt runs every registered listener's matchers for every
 * request, copying the request's arguments each time: with one Bolt listener per id, each
 * acknowledgement paid for ~36 matcher runs (docs/benchmarks.md, "The acknowledgement path").
 */

/** One row of a table: the ids it answers (an exact id, or a pattern), and its listener. */
export type Route<Listener> = readonly [id: string | RegExp, listener: Listener]

const escapeId = (id: string) => id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
const source = (id: string | RegExp) =>
  typeof id === 'string' ? escapeId(id) : id.source.replace(/^\^|\$$/g, '')

/** Matches exactly the ids of the table's rows (Bolt's constraint for the one listener). */
export function idPattern(routes: ReadonlyArray<Route<unknown>>): RegExp {
  return new RegExp(`^(?:${routes.map(([id]) => source(id)).join('|')})$`)
}

/** Hands the request to the first row whose id matches (the pattern guarantees there is one). */
export function dispatch<Args>(
  routes: ReadonlyArray<Route<(args: Args) => Promise<unknown>>>,
  id: string,
  args: Args,
): Promise<void> {
  const route = routes.find(([match]) => (typeof match === 'string' ? match === id : match.test(id)))
  if (!route) throw new Error(`no listener for ${id}`)
  return route[1](args).then(() => undefined)
}

/** A button in a list carries a suffix after `:` (`bill_show:OP…:jp`, `guide_start:invoice_reissue`). */
export const withSuffix = (id: string): RegExp => new RegExp(`^${escapeId(id)}(?::.*)?$`)
