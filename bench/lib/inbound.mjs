import nodemailer from "nodemailer"

/**
 * Reply by email's throughput: every broadcast member answers the
 * notification it got (its Reply-To, caught by the sink) `perMember` times
 * through the plugin's SMTP receiver, over `connections` pooled
 * connections as a mail provider delivers; timed from the first
 * connection until every reply is a message in its thread (stored, queued,
 * parsed, trimmed, checked and posted by the one shared-mode process).
 */
export async function measureInboundThroughput({ db, sink, smtpPort, perMember = 10, connections = 8 }) {
  const replyAddresses = [...sink.replyTo.entries()]
  if (!replyAddresses.length) throw new Error("no notification with a Reply-To reached the sink")
  const countEmailMessages = async () =>
    Number((await db.query("select count(*) from affiliate_message where source = 'email' and deleted_at is null")).rows[0].count)
  const before = await countEmailMessages()
  const pool = nodemailer.createTransport({ host: "127.0.0.1", port: smtpPort, secure: false, ignoreTLS: true, pool: true, maxConnections: connections, maxMessages: Infinity })
  const started = Date.now()
  try {
    await Promise.all(
      replyAddresses.flatMap(([member, address]) =>
        Array.from({ length: perMember }, (_, n) =>
          pool.sendMail({ from: member, to: address, subject: "Re: Broadcast", text: `Bench reply ${n} from ${member}` })
        )
      )
    )
  } finally {
    pool.close()
  }
  const acknowledgedS = (Date.now() - started) / 1000
  const emails = replyAddresses.length * perMember
  const deadline = Date.now() + 600_000
  while ((await countEmailMessages()) < before + emails) {
    if (Date.now() > deadline) throw new Error(`only ${(await countEmailMessages()) - before} of ${emails} replies posted within 10 min`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const seconds = (Date.now() - started) / 1000
  return {
    emails,
    members: replyAddresses.length,
    connections,
    acknowledged_s: Math.round(acknowledgedS * 100) / 100,
    seconds: Math.round(seconds * 100) / 100,
    per_second: Math.round((emails / seconds) * 10) / 10,
    workers: 1,
  }
}
