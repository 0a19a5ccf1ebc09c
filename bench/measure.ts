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

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on every Linux build Node runs on). */
const TICKS = 100

/** A process's CPU time so far in ms (user + system, Linux /proc), NaN where it cannot be read. */
export async function processCpuMs(pid: number | undefined): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
  // The fields after the command's closing parenthesis; utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return stat ? ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS : Number.NaN
}

/** The whole machine's busy CPU time so far in ms (every core, everything but idle and iowait). */
export async function machineBusyMs(): Promise<number> {
  const line = (await readFile('/proc/stat', 'utf8').catch(() => '')).split('\n')[0] ?? ''
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number)
  return (
    (((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) * 1000) / TICKS
  )
}

/** Where a run's CPU went, in ms per request: the bot, this process (load and fakes), the rest (the database). */
export interface CpuPerRequest {
  bot: number
  benchAndFakes: number
  rest: number
  total: number
}

/** Starts counting CPU time; `per(n)` gives the ms per request for `n` requests since. */
export async function cpuMeter(botPid: number | undefined) {
  const start = { bot: await processCpuMs(botPid), machine: await machineBusyMs(), own: process.cpuUsage() }
  return async (requests: number): Promise<CpuPerRequest> => {
    const bot = (await processCpuMs(botPid)) - start.bot
    const machine = (await machineBusyMs()) - start.machine
    const ownUsage = process.cpuUsage(start.own)
    const own = (ownUsage.user + ownUsage.system) / 1000
    const round = (ms: number) => Math.round((ms / requests) * 100) / 100
    return {
      bot: round(bot),
      benchAndFakes: round(own),
      rest: round(machine - bot - own),
      total: round(machine),
    }
  }
}
