import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ImapFlow } from "imapflow"
import net from "net"
import { Readable } from "stream"
import { DovecotServer, ensureDovecot } from "../../../../integration-tests/helpers/dovecot"
import { INBOUND_EMAIL_MODULE } from ".."
import { tokensIn } from "../reply-token"
import InboundEmailModuleService from "../service"
import { imapMailbox } from "../transports/imap-mailbox"
import { ImapPoller, ImapPollerOptions } from "../transports/imap-poller"
import { ReceivedEmail } from "../transports/types"

jest.setTimeout(90_000)

const TEMPLATE = "partners+{token}@shop.test"
const reply = (token: string) => `partners+${token}@shop.test`
const TOKEN_A = "0123456789abcdef0123456789"
const TOKEN_B = "fedcba9876543210fedcba9876"
const logger = { info() {}, warn() {}, error() {}, debug() {} } as any

const unavailable = ensureDovecot()
if (unavailable) {
  console.warn(`[imap-poller.spec] skipped: ${unavailable}`)
}
const describeWithDovecot = unavailable ? describe.skip : describe

let sequence = 0
/** A reply as a plus-addressing mailbox stores it: `Delivered-To` names the reply address. */
function email(to: string, body: string, messageId = `<m${++sequence}.${Date.now()}@member.test>`) {
  return [
    `Delivered-To: ${to}`,
    "From: Member <member@acme.test>",
    `To: "Shop partners" <${to}>`,
    "Subject: Re: Your payout",
    `Message-ID: ${messageId}`,
    "",
    body,
    "",
  ].join("\r\n")
}

/** Ingestion as the poller sees it: records what it is handed, once the raw email is read whole. */
function recordingSink() {
  const received: { envelope_to: string[]; raw: string }[] = []
  const waiters: (() => void)[] = []
  return {
    received,
    bodies: () => received.map((r) => r.raw.split("\r\n\r\n")[1]?.trim()),
    sink: async (email: ReceivedEmail) => {
      const chunks: Buffer[] = []
      for await (const chunk of email.raw as Readable) {
        chunks.push(chunk)
      }
      received.push({ envelope_to: email.envelope_to, raw: Buffer.concat(chunks).toString() })
      waiters.splice(0).forEach((wake) => wake())
      return { reason: null }
    },
    /** Resolves once `count` emails were received. */
    async until(count: number, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs
      while (received.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`waited for ${count} emails, got ${received.length}`)
        }
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, 250)
        })
      }
    },
  }
}

moduleIntegrationTestRunner<InboundEmailModuleService>({
  moduleName: INBOUND_EMAIL_MODULE,
  resolve: "./src/modules/inbound-email",
  pathToMigrations: "./src/modules/inbound-email/migrations",
  moduleOptions: { inboundEmail: { replyTo: TEMPLATE, secret: "imap-poller-spec-secret" } },
  testSuite: ({ service }) => {
    describeWithDovecot("ImapPoller against Dovecot", () => {
      const dovecot = new DovecotServer()
      let client: ImapFlow
      const pollers: ImapPoller[] = []

      beforeAll(async () => {
        await dovecot.start()
      })
      afterEach(async () => {
        await Promise.all(pollers.splice(0).map((poller) => poller.close()))
        await client?.logout().catch(() => undefined)
      })
      afterAll(async () => {
        await dovecot.remove()
      })

      /** The test's own IMAP session, to deliver mail (APPEND) and look at flags. */
      async function mailbox(): Promise<ImapFlow> {
        client = new ImapFlow({ host: "127.0.0.1", port: dovecot.port, secure: false, auth: { user: dovecot.user, pass: dovecot.pass }, logger: false })
        client.on("error", () => undefined)
        await client.connect()
        return client
      }
      // each test polls a folder of its own: the module's tables start empty in every test, the mail does not
      async function deliver(raw: string, folder = "INBOX") {
        const imap = client?.usable ? client : await mailbox()
        if (folder !== "INBOX" && !(await imap.list()).some((listed) => listed.path === folder)) {
          await imap.mailboxCreate(folder)
        }
        const appended = await imap.append(folder, raw)
        return appended ? appended.uid! : 0
      }
      async function seenUids(): Promise<number[]> {
        const imap = client?.usable ? client : await mailbox()
        const lock = await imap.getMailboxLock("INBOX")
        try {
          return ((await imap.search({ seen: true }, { uid: true })) || []) as number[]
        } finally {
          lock.release()
        }
      }
      function poller(sink: ImapPollerOptions["sink"], overrides: Partial<ImapPollerOptions> = {}) {
        const started = new ImapPoller({
          mailbox: imapMailbox(dovecot.url),
          maxBytes: 1024 * 1024,
          isReplyAddress: (address) => tokensIn(TEMPLATE, [address]).length > 0,
          sink,
          store: service,
          logger,
          backoffMs: { first: 100, max: 1_000 },
          ...overrides,
        })
        started.start()
        pollers.push(started)
        return started
      }

      it("catches up on what arrived before it started, then takes new mail from IDLE within seconds; other mail is left alone", async () => {
        const recorder = recordingSink()
        const first = await deliver(email(reply(TOKEN_A), "Sent while nobody polled."))
        // other mail, with a hostile megabyte-long Cc word (a naive address regex takes minutes on it): passed over, left unread
        const unrelated = await deliver(
          email("partners@shop.test", "A newsletter for the humans.").replace("\r\n\r\n", `\r\nCc: ${"a".repeat(1_000_000)}\r\n\r\n`)
        )
        poller(recorder.sink)
        await recorder.until(1)
        expect(recorder.received[0].envelope_to).toEqual([reply(TOKEN_A)])
        expect(recorder.received[0].raw).toContain("Message-ID: <m1.")

        // now in IDLE: the next one comes from the server's EXISTS (the periodic check is a minute away)
        const sentAt = Date.now()
        const second = await deliver(email(reply(TOKEN_B).toUpperCase(), "Sent while it idled."))
        await recorder.until(2)
        expect(Date.now() - sentAt).toBeLessThan(5_000)
        expect(recorder.bodies()).toEqual(["Sent while nobody polled.", "Sent while it idled."])
        expect(await seenUids()).toEqual([first, second])
        expect(unrelated).toBeGreaterThan(0)
      })

      it("reconnects after Dovecot restarts, catches up, and hands nothing over twice across poller restarts", async () => {
        const folder = "Outage"
        const recorder = recordingSink()
        await deliver(email(reply(TOKEN_A), "Before the outage."), folder)
        const current = poller(recorder.sink, { mailbox: imapMailbox(dovecot.url, folder) })
        await recorder.until(1)

        await client.logout().catch(() => undefined)
        await dovecot.stop()
        await dovecot.start()
        await deliver(email(reply(TOKEN_A), "After the outage."), folder)
        await recorder.until(2)

        await current.close()
        const cursor = await service.readImapCursor(imapMailbox(dovecot.url, folder).key)
        expect(cursor?.last_uid).toBe("2")
        await deliver(email(reply(TOKEN_B), "While the poller was stopped."), folder)
        poller(recorder.sink, { mailbox: imapMailbox(dovecot.url, folder) })
        await recorder.until(3)
        await deliver(email(reply(TOKEN_B), "Last one."), folder)
        await recorder.until(4)
        expect(recorder.bodies()).toEqual(["Before the outage.", "After the outage.", "While the poller was stopped.", "Last one."])
      })

      it("polls a mailbox from one process at a time: a second poller waits while the first holds the lease", async () => {
        const folder = "Lease"
        const one = recordingSink()
        const two = recordingSink()
        await deliver(email(reply(TOKEN_A), "Lease one."), folder)
        const first = poller(one.sink, { mailbox: imapMailbox(dovecot.url, folder) })
        await one.until(1)
        poller(two.sink, { mailbox: imapMailbox(dovecot.url, folder), checkIntervalMs: 200 })
        await deliver(email(reply(TOKEN_A), "Lease two."), folder)
        await one.until(2)
        expect(two.received).toEqual([])

        // the first lets go on close; the second takes over at its next try
        await first.close()
        await deliver(email(reply(TOKEN_A), "Lease three."), folder)
        await two.until(1)
        expect(two.bodies()).toEqual(["Lease three."])
        expect(one.bodies()).toEqual(["Lease one.", "Lease two."])
      })

      it("reconnects when the connection goes silent without closing (the watchdog)", async () => {
        // a TCP relay that can stop forwarding while keeping the sockets open: a dead NAT mapping
        let frozen = false
        const sockets: net.Socket[] = []
        const relay = net.createServer((inbound) => {
          const outbound = net.connect(dovecot.port, "127.0.0.1")
          sockets.push(inbound, outbound)
          inbound.on("data", (chunk) => !frozen && outbound.write(chunk))
          outbound.on("data", (chunk) => !frozen && inbound.write(chunk))
          inbound.on("error", () => outbound.destroy())
          outbound.on("error", () => inbound.destroy())
          inbound.on("close", () => outbound.destroy())
          outbound.on("close", () => inbound.destroy())
        })
        await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve))
        const relayPort = (relay.address() as net.AddressInfo).port
        try {
          const recorder = recordingSink()
          poller(recorder.sink, {
            mailbox: imapMailbox(`imap://${dovecot.user}:${dovecot.pass}@127.0.0.1:${relayPort}`, "Watchdog"),
            checkIntervalMs: 500,
            commandTimeoutMs: 500,
          })
          await deliver(email(reply(TOKEN_B), "Through the relay."), "Watchdog")
          await recorder.until(1)
          const connectionsBefore = sockets.length

          frozen = true
          await deliver(email(reply(TOKEN_B), "Sent into the void."), "Watchdog")
          // the poller hears nothing; its check times out and it connects again
          while (sockets.length === connectionsBefore) {
            await new Promise((resolve) => setTimeout(resolve, 100))
          }
          frozen = false
          sockets.slice(0, connectionsBefore).forEach((socket) => socket.destroy())
          await recorder.until(2)
          expect(recorder.bodies()).toEqual(["Through the relay.", "Sent into the void."])
        } finally {
          sockets.forEach((socket) => socket.destroy())
          await new Promise((resolve) => relay.close(resolve))
        }
      })
    })
  },
})
