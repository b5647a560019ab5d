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
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")
    const ticks = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].split(/\s+/).slice(1).map(Number)
    const total = ticks.reduce((sum, n) => sum + n, 0)
    // fields from "state" on: utime and stime are the 12th and 13th; idle and iowait the 4th and 5th of the cpu line
    const msPerTick = 1000 / 100
    return { process: (Number(fields[11]) + Number(fields[12])) * msPerTick, machine: (total - ticks[3] - ticks[4]) * msPerTick }
  } catch {
    return null
  }
}

/** Per-request CPU between two readings, rounded to 0.1 ms; null without /proc. */
export function cpuPerRequest(before, after, requests) {
  if (!before || !after || !requests) return null
  const per = (key) => Math.round(((after[key] - before[key]) / requests) * 10) / 10
  return { process_ms: per("process"), machine_ms: per("machine") }
}
