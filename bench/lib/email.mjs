import { round } from "./load.mjs"
import { api } from "./program.mjs"

/**
 * Owner messages to the broadcast affiliate's team thread, each emailing its
 * 100 members: emails per second from the first send to the last email,
 * with the one server (workerMode shared) as the only worker, after 500
 * emails of warm-up. `rounds` times 2,000 emails; `per_second` is the
 * median round (one round moved by a quarter from the next in one process:
 * 264, 366, 351, 332, 351 a second).
 */
export async function measureEmailThroughput(baseUrl, program, sink, { rounds = 3 } = {}) {
  const recipients = 100
  const broadcast = async (sends, label) => {
    const before = sink.received
    const started = Date.now()
    for (let i = 0; i < sends; i++) {
      await api(baseUrl, "POST", "/admin/conversations", {
        token: program.adminToken,
        body: { affiliate_id: program.broadcast.affiliate_id, body: `${label} ${i}` },
      })
    }
    await sink.waitFor(before + sends * recipients, 600_000)
    return (Date.now() - started) / 1000
  }
  // until now the server sent one email a job: warm the batch path up as
  // the read paths are, so the figure is the worker's steady rate
  await broadcast(5, "Warm-up broadcast")
  const sends = 20
  const measured = []
  for (let i = 0; i < rounds; i++) {
    const seconds = await broadcast(sends, `Broadcast ${i}`)
    measured.push({ seconds: round(seconds, 2), per_second: round((sends * recipients) / seconds, 1) })
  }
  const median = [...measured].sort((a, b) => a.seconds - b.seconds)[Math.floor(rounds / 2)]
  return { emails: sends * recipients, seconds: median.seconds, per_second: median.per_second, workers: 1, rounds: measured }
}
