import { round } from "./load.mjs"
import { api } from "./program.mjs"

/**
 * Owner messages to the broadcast affiliate's team thread, each emailing its
 * 100 members: emails per second from the first send to the last email,
 * with the one server (workerMode shared) as the only worker, after 500
 * emails of warm-up.
 */
export async function measureEmailThroughput(baseUrl, program, sink) {
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
  const seconds = await broadcast(sends, "Broadcast")
  return { emails: sends * recipients, seconds: round(seconds, 2), per_second: round((sends * recipients) / seconds, 1), workers: 1 }
}
