import { extractReply } from "../extract-reply"
import { shapes } from "./hostile-shapes"

/**
 * Run by linear-time.spec.ts in a fresh Node process: inside the test
 * runner, garbage collection of the heap earlier suites left behind counts
 * as CPU time and made 1 MB inputs look 5–10 times slower than they are.
 * Prints `{ [shape]: best CPU ms of three runs }` as JSON.
 */
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}

extractReply({ text: "warm up\n> quoted", html: "<p>warm up</p>" })
const times: Record<string, number> = {}
for (const [name, make] of shapes) {
  const parts = make()
  let best = Infinity
  for (let run = 0; run < 3; run++) {
    const started = process.cpuUsage()
    const reply = extractReply(parts)
    best = Math.min(best, cpuMs(started))
    if (typeof reply.text !== "string") {
      throw new Error(`${name}: no text`)
    }
  }
  times[name] = best
}
process.stdout.write(JSON.stringify(times))
