import fs from "node:fs"

/**
 * CPU time so far, in milliseconds, from Linux's /proc: the process `pid`
 * (user + system) and the whole machine (every core's non-idle time).
 * Null where /proc is missing. Two readings around a load, divided by its
 * requests, give what each request cost, work done after its response
 * included (the server's jobs and subscribers; the machine's figure adds
 * PostgreSQL, Redis and the load generator).
 */
export function readCpuMs(pid) {
  try {
    const ticks = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].split(/\s+/).slice(1).map(Number)
    const total = ticks.reduce((sum, n) => sum + n, 0)
    // idle and iowait are the 4th and 5th of the cpu line
    return { process: cpuMsOfStat(fs.readFileSync(`/proc/${pid}/stat`, "utf8")), machine: (total - ticks[3] - ticks[4]) * MS_PER_TICK }
  } catch {
    return null
  }
}

/** CPU time so far of a process's main thread alone (its task of the same id), in ms. */
export function readMainThreadCpuMs(pid) {
  return cpuMsOfStat(fs.readFileSync(`/proc/${pid}/task/${pid}/stat`, "utf8"))
}

/** User + system time in a /proc `stat` line (a process's or a task's), in ms. */
export function cpuMsOfStat(stat) {
  // fields from "state" on: utime and stime are the 12th and 13th
  const fields = stat.split(") ")[1].split(" ")
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK
}

const MS_PER_TICK = 1000 / 100

/** Per-request CPU between two readings, rounded to 0.1 ms; null without /proc. */
export function cpuPerRequest(before, after, requests) {
  if (!before || !after || !requests) return null
  const per = (key) => Math.round(((after[key] - before[key]) / requests) * 10) / 10
  return { process_ms: per("process"), machine_ms: per("machine") }
}
