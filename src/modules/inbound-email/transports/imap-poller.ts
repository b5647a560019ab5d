import type { Logger } from "@medusajs/framework/types"
import { ImapFlow } from "imapflow"
import os from "os"
import { ImapMailbox } from "./imap-mailbox"
import { InboundEmailSink } from "./types"

/** How far the poller got in a mailbox: IMAP numbers, as text (they are unsigned 32-bit). */
export type ImapCursor = { uid_validity: string; last_uid: string }

/** The poller's memory and its single-process lease, kept in the database (see the inbound email module). */
export interface ImapCursorStore {
  /** Takes or renews the lease on `mailbox` for `owner` for `ms`; false while another owner holds it. */
  leaseImapMailbox(mailbox: string, owner: string, ms: number): Promise<boolean>
  releaseImapMailbox(mailbox: string, owner: string): Promise<void>
  readImapCursor(mailbox: string): Promise<ImapCursor | null>
  /** Records that every message up to `cursor.last_uid` was handed to ingestion. */
  advanceImapCursor(mailbox: string, cursor: ImapCursor): Promise<void>
}

export type ImapPollerOptions = {
  mailbox: ImapMailbox
  maxBytes: number
  isReplyAddress: (address: string) => boolean
  sink: InboundEmailSink
  store: ImapCursorStore
  logger: Logger
  /** Catch-up and liveness check when the server said nothing for this long (default 60 s). */
  checkIntervalMs?: number
  /** A check or command unanswered for this long means a dead connection: reconnect (default 60 s). */
  commandTimeoutMs?: number
  /** The lease; renewed at every check, so a crashed poller's mailbox is taken over after it (default 3 min). */
  leaseMs?: number
  /** Reconnect delays: doubling from the first, capped (default 1 s to 60 s). */
  backoffMs?: { first: number; max: number }
}

/** Headers where mailbox providers write the address a message was delivered to. */
const DELIVERY_HEADERS = ["delivered-to", "x-original-to", "envelope-to", "x-envelope-to", "to", "cc"]
/** What separates addresses in those headers; splitting on it stays linear on a hostile megabyte of header. */
const ADDRESS_SEPARATORS = /[\s<>,;:"()[\]]+/

type NewMessage = { uid: number; envelope_to: string[] }

/** How long close() lets the message being handed over finish. */
const CLOSE_GRACE_MS = 10_000

/**
 * Reads replies from a mailbox that receives them by plus addressing
 * (imapflow): catches up by UID from where it stopped, then waits in IDLE
 * and fetches what EXISTS announces. Each message with a reply address is
 * streamed into ingestion, marked \Seen, and the cursor moves past it;
 * other mail in the mailbox is left as it is. A check every
 * `checkIntervalMs` without news both catches up (in case a notification
 * was lost) and proves the connection alive; errors and closes reconnect
 * with backoff. One process polls a mailbox at a time (a lease in the
 * database); ingestion is idempotent anyway, the lease only spares the
 * mailbox server and the logs twice the work.
 */
export class ImapPoller {
  protected readonly owner_ = `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`
  protected readonly checkIntervalMs_: number
  protected readonly commandTimeoutMs_: number
  protected readonly leaseMs_: number
  protected readonly backoff_: { first: number; max: number }
  protected stopped_ = false
  protected running_?: Promise<void>
  protected client_?: ImapFlow
  protected wake_?: () => void
  protected leasedAt_ = 0

  constructor(protected readonly options: ImapPollerOptions) {
    this.checkIntervalMs_ = options.checkIntervalMs ?? 60_000
    this.commandTimeoutMs_ = options.commandTimeoutMs ?? 60_000
    this.leaseMs_ = options.leaseMs ?? 180_000
    this.backoff_ = options.backoffMs ?? { first: 1_000, max: 60_000 }
  }

  start(): void {
    this.running_ ??= this.run()
  }

  /** Stops polling: the message being handed over is finished, then the connection and the lease are let go. */
  async close(): Promise<void> {
    this.stopped_ = true
    this.wake_?.()
    let grace: NodeJS.Timeout | undefined
    await Promise.race([
      this.running_,
      new Promise<void>((resolve) => (grace = setTimeout(resolve, CLOSE_GRACE_MS))),
    ])
    clearTimeout(grace)
    // still connecting to (or downloading from) a server that does not answer
    this.client_?.close()
    await this.running_
  }

  protected get key() {
    return this.options.mailbox.key
  }

  protected async run(): Promise<void> {
    const { store, logger } = this.options
    let failures = 0
    while (!this.stopped_) {
      try {
        if (await store.leaseImapMailbox(this.key, this.owner_, this.leaseMs_)) {
          this.leasedAt_ = Date.now()
          await this.session()
          failures = 0
        } else {
          await this.pause(this.checkIntervalMs_)
        }
      } catch (error) {
        failures++
        const delay = Math.min(this.backoff_.first * 2 ** (failures - 1), this.backoff_.max)
        if (!this.stopped_) {
          logger.warn(
            `affiliate messaging: IMAP poller of ${this.key}: ${(error as Error).message}; reconnecting in ${delay} ms`
          )
        }
        await this.pause(delay)
      }
    }
    await store.releaseImapMailbox(this.key, this.owner_).catch(() => undefined)
  }

  /** One connection: returns when stopped or when the lease went to another process, throws when the connection fails. */
  protected async session(): Promise<void> {
    const { mailbox, store } = this.options
    const client = new ImapFlow({
      ...mailbox.connection,
      logger: false,
      connectionTimeout: this.commandTimeoutMs_,
      // silence this long: imapflow probes with NOOP (in IDLE) or fails the stuck command, and the close reconnects
      socketTimeout: this.commandTimeoutMs_,
      // the server reports new mail unasked only in IDLE: enter it as soon as the poller waits
      autoIdleDelay: 500,
    })
    this.client_ = client
    let closed = false
    let news = true
    let lastError = ""
    // the close that follows reconnects, and says why
    client.on("error", (error) => (lastError = error.message))
    client.on("close", () => {
      closed = true
      this.wake_?.()
    })
    client.on("exists", () => {
      news = true
      this.wake_?.()
    })
    try {
      await client.connect()
      await client.mailboxOpen(mailbox.mailbox)
      while (!this.stopped_) {
        news = false
        await this.catchUp(client)
        if (!news) {
          await this.pause(this.checkIntervalMs_)
        }
        if (closed) {
          throw new Error(`the connection closed${lastError ? ` (${lastError})` : ""}`)
        }
        if (this.stopped_ || !(await store.leaseImapMailbox(this.key, this.owner_, this.leaseMs_))) {
          return
        }
        this.leasedAt_ = Date.now()
      }
    } finally {
      this.client_ = undefined
      if (!closed) {
        await client.logout().catch(() => client.close())
      }
    }
  }

  /** Hands every message after the cursor to ingestion, in UID order. */
  protected async catchUp(client: ImapFlow): Promise<void> {
    const { store, sink, logger, maxBytes } = this.options
    const uidValidity = String((client.mailbox as { uidValidity: bigint }).uidValidity)
    const cursor = await store.readImapCursor(this.key)
    let after = 0
    if (cursor?.uid_validity === uidValidity) {
      after = Number(cursor.last_uid)
    } else if (cursor) {
      // UIDs of before mean nothing now; ingestion recognises what it has seen by Message-ID
      logger.warn(`affiliate messaging: ${this.key} has a new UIDVALIDITY; reading it again from the start`)
    }
    for (const message of await this.newMessages(client, after)) {
      if (this.stopped_) {
        return
      }
      await this.renewLeaseDuringLongCatchUp()
      if (message.envelope_to.length) {
        // one byte past the cap is enough for ingestion to record it as too_large
        const download = await client.download(String(message.uid), undefined, { uid: true, maxBytes: maxBytes + 1 })
        if (download.content) {
          await sink({ raw: download.content, transport: "imap", envelope_to: message.envelope_to })
          await client.messageFlagsAdd(String(message.uid), ["\\Seen"], { uid: true })
        }
      }
      await store.advanceImapCursor(this.key, { uid_validity: uidValidity, last_uid: String(message.uid) })
    }
  }

  /** A backlog may take longer than the lease: renew it on the way, give up if it went to another process. */
  protected async renewLeaseDuringLongCatchUp(): Promise<void> {
    if (Date.now() - this.leasedAt_ > this.leaseMs_ / 3) {
      if (!(await this.options.store.leaseImapMailbox(this.key, this.owner_, this.leaseMs_))) {
        throw new Error("the mailbox's lease went to another process")
      }
      this.leasedAt_ = Date.now()
    }
  }

  /** Messages after UID `after`, with the reply addresses their delivery headers name. */
  protected async newMessages(client: ImapFlow, after: number): Promise<NewMessage[]> {
    if (!(client.mailbox && client.mailbox.exists)) {
      await client.noop()
      return []
    }
    const found: NewMessage[] = []
    // `n:*` always names the last message, even one below n
    for await (const message of client.fetch(`${after + 1}:*`, { uid: true, headers: DELIVERY_HEADERS }, { uid: true })) {
      if (message.uid > after) {
        const words = message.headers?.toString().split(ADDRESS_SEPARATORS) ?? []
        const replyAddresses = new Map(
          words
            .filter((word) => word.includes("@") && this.options.isReplyAddress(word))
            .map((address) => [address.toLowerCase(), address])
        )
        found.push({ uid: message.uid, envelope_to: [...replyAddresses.values()] })
      }
    }
    return found.sort((a, b) => a.uid - b.uid)
  }

  /** Waits `ms`, or less when news, a close or stop() wakes it. */
  protected pause(ms: number): Promise<void> {
    if (this.stopped_) {
      return Promise.resolve()
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        resolve()
      }
      this.wake_ = done
    })
  }
}
