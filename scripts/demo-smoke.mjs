#!/usr/bin/env node
/**
 * CI smoke test of `npm run demo` on embedded Postgres: waits for the info
 * file, logs in as the demo admin and a demo affiliate through the HTTP API,
 * checks the demo listens on loopback only and signs with the secrets of its
 * data folder, stops the demo with SIGINT and checks that nothing it
 * started is left.
 * Prints `demo smoke: passed` or fails with a reason.
 */
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import jwt from "jsonwebtoken"
import nodemailer from "nodemailer"
import { demoSecrets } from "./lib/demo-secrets.mjs"
import { freePort, isListening, smtpGreeting } from "./lib/free-port.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const infoFile = path.join(os.tmpdir(), `affmsg-demo-info-${process.pid}.json`)
const port = await freePort()
const env = { ...process.env, PORT: String(port), DEMO_INFO_FILE: infoFile }
delete env.DATABASE_URL
delete env.SMTP_URL
delete env.HOST
delete env.JWT_SECRET
delete env.COOKIE_SECRET

const started = Date.now()
const demo = spawn("node", ["scripts/demo.mjs"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] })
let output = ""
demo.stdout.on("data", (chunk) => (output += chunk))
demo.stderr.on("data", (chunk) => (output += chunk))

function fail(message) {
  console.error(`demo smoke: FAILED: ${message}\n--- demo output ---\n${output.slice(-4000)}`)
  try {
    process.kill(demo.pid, "SIGINT")
  } catch {}
  process.exit(1)
}

async function json(url, init) {
  const res = await fetch(url, init)
  const body = await res.json().catch(() => ({}))
  if (!res.ok) fail(`${init?.method ?? "GET"} ${url} answered ${res.status}: ${JSON.stringify(body)}`)
  return body
}

const deadline = Date.now() + 6 * 60_000
while (!fs.existsSync(infoFile)) {
  if (demo.exitCode !== null) fail(`demo exited with ${demo.exitCode}`)
  if (Date.now() > deadline) fail("no DEMO_INFO_FILE after 6 minutes")
  await new Promise((r) => setTimeout(r, 1000))
}
const info = JSON.parse(fs.readFileSync(infoFile, "utf8"))
const readyAfter = Math.round((Date.now() - started) / 1000)

const post = (body) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
const admin = await json(`${info.backend_url}/auth/user/emailpass`, post({ email: info.admin_email, password: info.admin_password }))
const affiliates = await json(`${info.backend_url}/admin/affiliates?limit=100`, { headers: { authorization: `Bearer ${admin.token}` } })
if (affiliates.count < 20) fail(`expected at least 20 seeded affiliates, got ${affiliates.count}`)
const statuses = new Set(affiliates.affiliates.map((a) => a.status))
for (const status of ["pending", "active", "declined", "suspended"]) {
  if (!statuses.has(status)) fail(`no seeded affiliate is ${status}`)
}

const [first] = info.affiliates
const member = await json(`${info.backend_url}/auth/affiliate/emailpass`, post({ email: first.email, password: first.password }))
const me = await json(`${info.backend_url}/store/affiliates/me`, {
  headers: { authorization: `Bearer ${member.token}`, "x-publishable-api-key": info.publishable_key },
})
if (me.member.id !== first.member_id) fail(`affiliate login returned member ${me.member.id}, expected ${first.member_id}`)

// reply by email: the contract's three fields, and the webhook takes an email only with the secret
for (const field of ["inbound_smtp_url", "inbound_webhook_url", "inbound_secret"]) {
  if (!info[field]) fail(`DEMO_INFO_FILE has no ${field}`)
}
if (!/^smtp:\/\/127\.0\.0\.1:\d+$/.test(info.inbound_smtp_url)) fail(`inbound_smtp_url is ${info.inbound_smtp_url}`)
const reply = `From: ${first.email}\r\nTo: reply+${"0".repeat(26)}@inbound.demo-outfitters.test\r\nSubject: Re: smoke\r\nMessage-ID: <smoke-${process.pid}-${Date.now()}@smoke.test>\r\n\r\nSmoke reply\r\n`
const unauthenticated = await fetch(info.inbound_webhook_url, { method: "POST", headers: { "content-type": "message/rfc822" }, body: reply })
if (unauthenticated.status !== 401) fail(`the inbound webhook answered ${unauthenticated.status} without the secret, expected 401`)
const inboundReceived = await json(info.inbound_webhook_url, {
  method: "POST",
  headers: { "content-type": "message/rfc822", authorization: `Bearer ${info.inbound_secret}` },
  body: reply,
})
if (inboundReceived.status !== "received") fail(`the inbound webhook answered ${JSON.stringify(inboundReceived)}`)
// the built-in SMTP receiver is up by the time the info file is written
const inbound = new URL(info.inbound_smtp_url)
const greeting = await smtpGreeting(Number(inbound.port), inbound.hostname)
if (!greeting?.startsWith("220")) fail(`${info.inbound_smtp_url} greeted with ${JSON.stringify(greeting)}, expected an SMTP 220`)

const mailPort = info.mail_ui_url ? Number(new URL(info.mail_ui_url).port) : null
if (mailPort && !(await isListening(mailPort))) fail("mail catcher UI is not listening")

// loopback only: nothing answers on the machine's other addresses
const outsideAddresses = Object.values(os.networkInterfaces())
  .flat()
  .filter((address) => !address.internal && address.family === "IPv4")
  .map((address) => address.address)
for (const address of outsideAddresses) {
  for (const [what, p] of [["Medusa", port], ["mail catcher UI", mailPort]]) {
    if (p && (await isListening(p, address))) fail(`${what} answers on ${address}:${p}; the demo must listen on 127.0.0.1`)
  }
}

// the admin's token is signed with the data folder's own secret, kept private
const secretsFile = path.join(root, ".demo", "secrets.json")
const mode = fs.statSync(secretsFile).mode & 0o777
if (mode !== 0o600) fail(`${secretsFile} has mode ${mode.toString(8)}, expected 600`)
try {
  jwt.verify(admin.token, JSON.parse(fs.readFileSync(secretsFile, "utf8")).jwt_secret)
} catch (error) {
  fail(`the admin token is not signed with .demo/secrets.json's jwt_secret: ${error.message}`)
}
const otherFolders = [1, 2].map((n) => fs.mkdtempSync(path.join(os.tmpdir(), `affmsg-demo-secrets-${n}-`)))
const [one, two] = otherFolders.map(demoSecrets)
if (one.jwt_secret === two.jwt_secret || one.cookie_secret === two.cookie_secret) fail("two data folders got the same secrets")
if (JSON.stringify(demoSecrets(otherFolders[0])) !== JSON.stringify(one)) fail("a data folder's secrets changed on a second run")
for (const folder of otherFolders) fs.rmSync(folder, { recursive: true, force: true })

// a message from the admin reaches the affiliate's inbox in the mail catcher within seconds
const sent = await json(`${info.backend_url}/admin/conversations`, {
  method: "POST",
  headers: { "content-type": "application/json", authorization: `Bearer ${admin.token}` },
  body: JSON.stringify({ affiliate_id: first.affiliate_id, body: "Smoke test: hello from the admin" }),
})
const mailDeadline = Date.now() + 30_000
let mailedAfter = null
while (mailPort && Date.now() < mailDeadline) {
  const emails = await fetch(`${info.mail_ui_url}/api/email`).then((r) => r.json())
  if (emails.some((e) => e.to.some((t) => t.address === first.email) && /Demo Outfitters/.test(e.subject))) {
    mailedAfter = Date.now()
    break
  }
  await new Promise((r) => setTimeout(r, 500))
}
if (mailPort && !mailedAfter) fail(`no email for ${first.email} in the mail catcher 30 s after message ${sent.message.id}`)

// the affiliate answers that notification by email through the SMTP receiver: the reply lands in the thread
let repliedByEmail = false
if (mailPort) {
  const emails = await fetch(`${info.mail_ui_url}/api/email`).then((r) => r.json())
  // the notification of the admin's message (its link names the conversation; the seeded
  // threads' notifications, which may still be draining, carry other reply addresses)
  const replyToOf = async (e) => {
    const source = await fetch(`${info.mail_ui_url}/api/email/${e.id}/source`).then((r) => r.text())
    const text = source.replace(/=\r?\n/g, "")
    if (!text.includes(sent.conversation.id)) return undefined
    return /reply\+[^\s<>",@=]+@[^\s<>",]+/i.exec(text)?.[0]
  }
  let notification, replyTo, seen = []
  const replyToDeadline = Date.now() + 30_000
  while (!replyTo && Date.now() < replyToDeadline) {
    const emails = await fetch(`${info.mail_ui_url}/api/email`).then((r) => r.json())
    seen = emails.filter((e) => e.to.some((t) => t.address === first.email)).reverse()
    for (const e of seen) {
      replyTo = await replyToOf(e)
      if (replyTo) {
        notification = e
        break
      }
    }
    if (!replyTo) await new Promise((r) => setTimeout(r, 500))
  }
  if (!replyTo) {
    fail(`no email to ${first.email} in the mail catcher has a Reply-To: ${JSON.stringify(seen.map((e) => [e.subject, e.headers]))}`)
  }
  const replyText = `Smoke reply by email ${process.pid}`
  await nodemailer
    .createTransport({ host: inbound.hostname, port: Number(inbound.port), secure: false, ignoreTLS: true })
    .sendMail({ from: first.email, to: replyTo, subject: `Re: ${notification.subject}`, text: replyText })
  const replyDeadline = Date.now() + 30_000
  while (!repliedByEmail && Date.now() < replyDeadline) {
    const page = await json(`${info.backend_url}/admin/conversations/${sent.conversation.id}/messages`, {
      headers: { authorization: `Bearer ${admin.token}` },
    })
    repliedByEmail = page.messages.some((m) => m.source === "email" && m.body.includes(replyText))
    if (!repliedByEmail) await new Promise((r) => setTimeout(r, 500))
  }
  if (!repliedByEmail) fail(`a reply sent to ${replyTo} through ${info.inbound_smtp_url} is not in conversation ${sent.conversation.id} after 30 s`)
}

// a broadcast runs on the demo's queue: one affiliate, copy delivered into its team thread
const adminHeaders = { authorization: `Bearer ${admin.token}`, "content-type": "application/json" }
const audience = { affiliate_ids: [first.affiliate_id] }
const preview = await json(`${info.backend_url}/admin/affiliate-broadcasts/preview`, { method: "POST", headers: adminHeaders, body: JSON.stringify({ audience }) })
if (preview.recipient_count !== 1) fail(`broadcast preview counts ${preview.recipient_count} recipients, expected 1`)
const created = await json(`${info.backend_url}/admin/affiliate-broadcasts`, {
  method: "POST",
  headers: adminHeaders,
  body: JSON.stringify({ audience, body: "Demo smoke broadcast for {{affiliate.name}}" }),
})
let broadcast = created.broadcast
const broadcastDeadline = Date.now() + 60_000
while (broadcast.status !== "sent") {
  if (Date.now() > broadcastDeadline) fail(`broadcast still ${broadcast.status} after 60 s`)
  await new Promise((r) => setTimeout(r, 500))
  broadcast = (await json(`${info.backend_url}/admin/affiliate-broadcasts/${broadcast.id}`, { headers: adminHeaders })).broadcast
}
if (broadcast.delivered_count !== 1) fail(`broadcast delivered ${broadcast.delivered_count} copies, expected 1`)

demo.kill("SIGINT")
await new Promise((resolve) => demo.once("exit", resolve))
await new Promise((r) => setTimeout(r, 1000))
for (const [what, p] of [["Medusa", port], ["mail catcher", mailPort]]) {
  if (p && (await isListening(p))) fail(`${what} still listening on ${p} after Ctrl-C`)
}
const leftovers = [...processesIn(path.join(root, "demo")), ...spawnSync("pgrep", ["-f", path.join(root, ".demo")], { encoding: "utf8" })
  .stdout.split("\n")
  .filter(Boolean)]
if (leftovers.length) fail(`processes left running: ${leftovers.join(", ")}`)
fs.rmSync(infoFile, { force: true })
console.log(
  `demo smoke: passed (ready in ${readyAfter}s, ${affiliates.count} affiliates, admin and affiliate logins work, message emailed to the mail catcher, inbound webhook takes email with its secret only, SMTP receiver greets 220${repliedByEmail ? ' and posts a reply to a notification' : ''}, a broadcast delivered, ` +
    `not answering on ${outsideAddresses.join(", ") || "(no other address)"}, secrets per data folder, clean stop)`
)

/** Pids of processes working in `dir` (Linux /proc): `medusa develop`'s server child names no demo path. */
function processesIn(dir) {
  if (!fs.existsSync("/proc")) return []
  return fs.readdirSync("/proc").filter((pid) => {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) return false
    try {
      return fs.readlinkSync(`/proc/${pid}/cwd`) === dir
    } catch {
      return false
    }
  })
}
