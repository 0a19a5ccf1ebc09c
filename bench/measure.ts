import { readFile } from 'node:fs/promises'

export type Stats = { n: number; p50: number; p99: number; max: number }

/** p50, p99 and max of latencies in ms, rounded to 0.01 ms. */
export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  const round = (x: number) => Math.round(x * 100) / 100
  return { n: sorted.length, p50: round(at(50)), p99: round(at(99)), max: round(sorted.at(-1) ?? Number.NaN) }
}

/** A process's resident memory in MB (Linux /proc), NaN where it cannot be read. */
export function rssMb(pid: number | undefined): Promise<number> {
  return readFile(`/proc/${pid}/status`, 'utf8').then(
    (status) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024),
    () => Number.NaN,
  )
}
