#!/usr/bin/env node
/**
 * Where the email rate stops: the probe store (lib/probe-host.mjs) sends
 * step 4's email rounds (lib/email.mjs: 20 team messages to 100 members,
 * after 5 of warm-up) `--rounds` times, and reads around each round the CPU
 * per email of the server's main thread alone (its JavaScript: the limit
 * when it nears one core), of the whole server process, and of the
 * machine, from Linux's /proc. The machine's pace moves between minutes
 * (bench/README.md, run f): compare builds by the main thread's CPU per
 * email over several rounds, in turn, not by one round's rate.
 *   node bench/broadcast-10k.mjs      # once: builds the host
 *   node bench/email-cpu.mjs [--rounds 6]
 */
import path from "node:path"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import { readCpuMs, readMainThreadCpuMs } from "./lib/cpu.mjs"
import { measureEmailThroughput } from "./lib/email.mjs"
import { addBroadcastMembers } from "./lib/program.mjs"
import { startProbeHost } from "./lib/probe-host.mjs"
import { runBenchScript } from "./lib/script.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const { values: args } = parseArgs({ options: { rounds: { type: "string", default: "6" } } })

async function main(cleanups) {
  const { server, db, program, sink } = await startProbeHost(root, cleanups, { name: "email-cpu" })
  await addBroadcastMembers(db, program.broadcast.affiliate_id, 99)
  // the first round of a process runs cold (JIT): not counted
  await measureEmailThroughput(server.url, program, sink, { rounds: 1 })
  const rounds = []
  for (let i = 0; i < Number(args.rounds); i++) {
    const [thread, cpu, received] = [readMainThreadCpuMs(server.pid), readCpuMs(server.pid), sink.received]
    const email = await measureEmailThroughput(server.url, program, sink, { rounds: 1 })
    // the CPU is that of every email the call sent, its warm-up messages' too
    const sent = sink.received - received
    const after = readCpuMs(server.pid)
    const per = (ms) => Math.round((ms / sent) * 100) / 100
    rounds.push({
      per_second: email.per_second,
      main_thread_ms: per(readMainThreadCpuMs(server.pid) - thread),
      process_ms: per(after.process - cpu.process),
      machine_ms: per(after.machine - cpu.machine),
    })
    console.log(JSON.stringify(rounds.at(-1)))
  }
  const median = (key) => rounds.map((round) => round[key]).sort((a, b) => a - b)[Math.floor(rounds.length / 2)]
  console.log(`median of ${rounds.length} rounds: ${median("per_second")}/s, main thread ${median("main_thread_ms")} ms, process ${median("process_ms")} ms, machine ${median("machine_ms")} ms an email`)
  await server.stop()
}

runBenchScript("email-cpu", main)
