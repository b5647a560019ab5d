import type { Context, Logger } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { InboundEmailDTO, NewInboundEmail, ReplyRecipient } from "../../types/inbound-email"
import type { AffiliateMessagingPluginOptions, ResolvedInboundEmailOptions } from "../../types/options"
import { resolvePluginOptions } from "../../utils/plugin-options"
import { InboundEmail, ReplyKey } from "./models"
import { deriveReplyToken, replyAddress, sameToken } from "./reply-token"
import type { InboundLogRepository } from "./repositories/inbound-log"
import type { MailboxRepository } from "./repositories/mailboxes"
import type { ReplyTokenRepository } from "./repositories/reply-tokens"
import { InboundTransports } from "./transports/inbound-transports"
import type { ImapCursor, ImapCursorStore } from "./transports/imap-poller"
import type { InboundEmailSink } from "./transports/types"

type Ctx = Context<EntityManager>

/** The module's container: its repositories (one per concern, in `repositories/`) among the rest. */
type InjectedDependencies = {
  logger: Logger
  inboundLogRepository: InboundLogRepository
  mailboxRepository: MailboxRepository
  replyTokenRepository: ReplyTokenRepository
}

export type ResolvedReplyToken = { conversation_id: string; recipient: ReplyRecipient }

/**
 * Reply by email: the reply tokens of notification recipients and the log
 * of received emails. Off (every method a no-op answering null) while the
 * `inboundEmail.replyTo` option is unset.
 */
class InboundEmailModuleService extends MedusaService({ ReplyKey, InboundEmail }) implements ImapCursorStore {
  protected readonly inbound_: ResolvedInboundEmailOptions | null
  protected readonly transports_?: InboundTransports
  protected readonly inboundLog_: InboundLogRepository
  protected readonly mailboxes_: MailboxRepository
  protected readonly replyTokens_: ReplyTokenRepository

  __hooks = {
    onApplicationShutdown: async () => {
      await this.transports_?.close()
    },
  }

  constructor(container: InjectedDependencies, options?: AffiliateMessagingPluginOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.inboundLog_ = container.inboundLogRepository
    this.mailboxes_ = container.mailboxRepository
    this.replyTokens_ = container.replyTokenRepository
    this.inbound_ = resolvePluginOptions(options).inboundEmail
    if (this.inbound_) {
      this.transports_ = new InboundTransports(this.inbound_, this, container.logger)
    }
  }

  /**
   * Starts, in this process, the SMTP receiver and the IMAP poller that
   * `inboundEmail.smtp` / `.imap` configure, handing what they receive to
   * `sink` (receiveInboundEmail). The plugin's job calls it in worker and
   * shared processes only, every few seconds: later calls start only what
   * is not running yet (a receiver whose port was taken). False when
   * nothing started.
   */
  async startTransports(sink: InboundEmailSink): Promise<boolean> {
    return (await this.transports_?.start(sink)) ?? false
  }

  /** The port of this process's SMTP receiver, once it listens. */
  getSmtpPort(): number | undefined {
    return this.transports_?.smtpPort
  }

  @InjectManager()
  async leaseImapMailbox(mailbox: string, owner: string, ms: number, @MedusaContext() ctx: Ctx = {}) {
    return await this.mailboxes_.lease({ key: mailbox, owner, ms }, ctx)
  }

  @InjectManager()
  async releaseImapMailbox(mailbox: string, owner: string, @MedusaContext() ctx: Ctx = {}) {
    await this.mailboxes_.release({ key: mailbox, owner }, ctx)
  }

  @InjectManager()
  async readImapCursor(mailbox: string, @MedusaContext() ctx: Ctx = {}) {
    return await this.mailboxes_.readCursor(mailbox, ctx)
  }

  @InjectManager()
  async advanceImapCursor(mailbox: string, cursor: ImapCursor, @MedusaContext() ctx: Ctx = {}) {
    await this.mailboxes_.advanceCursor({ key: mailbox, cursor }, ctx)
  }

  /** The resolved `inboundEmail` options, null while reply by email is off. */
  getInboundOptions(): ResolvedInboundEmailOptions | null {
    return this.inbound_
  }

  /**
   * The address `recipient` replies to in a conversation, e.g.
   * `partners+3f…@shop.example`, recording its token so replies can be
   * looked up. The same recipient and conversation always get the same
   * address (until the secret or key version changes). Null when off.
   *
   * @example
   * await inboundEmail.replyAddressFor({ conversation_id: "conv_1", recipient: { type: "member", id: "affmem_1" } })
   */
  @InjectTransactionManager()
  async replyAddressFor(
    input: { conversation_id: string; recipient: ReplyRecipient },
    @MedusaContext() ctx: Ctx = {}
  ): Promise<string | null> {
    const [address] = await this.replyAddressesFor([input], ctx)
    return address ?? null
  }

  /**
   * `replyAddressFor` for a job's emails at once, in one statement; the
   * addresses in the order asked. Empty when reply by email is off.
   */
  @InjectTransactionManager()
  async replyAddressesFor(
    inputs: { conversation_id: string; recipient: ReplyRecipient }[],
    @MedusaContext() ctx: Ctx = {}
  ): Promise<string[]> {
    if (!this.inbound_) {
      return []
    }
    const { secret, keyVersion, replyTo } = this.inbound_
    const tokens = inputs.map(({ conversation_id, recipient }) => {
      const normalized = normalizedRecipient(recipient)
      const token = deriveReplyToken(secret, keyVersion, conversation_id, normalized)
      return { token, conversation_id, recipient: normalized, key_version: keyVersion }
    })
    await this.replyTokens_.record(tokens, ctx)
    return tokens.map(({ token }) => replyAddress(replyTo, token))
  }

  /**
   * Who and where a token stands for, or null when it is unknown or no
   * longer valid: it must be derived again, identically, from the current
   * secret and key version, so rotating either retires every older token.
   */
  @InjectManager()
  async resolveReplyToken(token: string, @MedusaContext() ctx: Ctx = {}): Promise<ResolvedReplyToken | null> {
    if (!this.inbound_) {
      return null
    }
    const key = await this.replyTokens_.find(token.toLowerCase(), ctx)
    if (!key || key.key_version !== this.inbound_.keyVersion) {
      return null
    }
    const recipient = { type: key.recipient_type, id: key.recipient_id }
    const expected = deriveReplyToken(this.inbound_.secret, this.inbound_.keyVersion, key.conversation_id, recipient)
    return sameToken(expected, key.token) ? { conversation_id: key.conversation_id, recipient } : null
  }

  /**
   * Stores a received email once per `dedupe_key`: the first arrival is the
   * record that gets processed; a later one is recorded as a `duplicate` of
   * it and never processed.
   */
  @InjectTransactionManager()
  async recordInboundEmail(
    email: NewInboundEmail,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<{ email: InboundEmailDTO; duplicate: boolean }> {
    const inserted = await this.inboundLog_.insert(email, ctx)
    if (inserted) {
      return { email: inserted, duplicate: false }
    }
    const original = await this.inboundLog_.findByDedupeKey(email.dedupe_key!, ctx)
    return { email: await this.inboundLog_.insertDuplicate({ email, original: original!.id }, ctx), duplicate: true }
  }

  /**
   * Takes a `received` email for a processing run (a queued job, or a job
   * retried after a crash), counting the run. Null in any other state
   * (already posted, refused, …): a job that runs twice posts once.
   */
  @InjectTransactionManager()
  async claimInboundEmail(id: string, @MedusaContext() ctx: Ctx = {}): Promise<InboundEmailDTO | null> {
    return await this.inboundLog_.claim(id, ctx)
  }

  /** Puts a `failed` email back to `received` (an admin's retry); null when it is not failed. */
  @InjectTransactionManager()
  async reopenFailedInboundEmail(id: string, @MedusaContext() ctx: Ctx = {}): Promise<InboundEmailDTO | null> {
    return await this.inboundLog_.reopenFailed(id, ctx)
  }

  /** Up to `limit` emails received before `before` that still hold a raw copy. */
  @InjectManager()
  async listRawCopiesBefore(before: Date, limit: number, @MedusaContext() ctx: Ctx = {}) {
    return await this.inboundLog_.listRawCopiesBefore({ before, limit }, ctx)
  }

  @InjectTransactionManager()
  async forgetRawCopies(ids: string[], @MedusaContext() ctx: Ctx = {}) {
    if (ids.length) {
      await this.inboundLog_.forgetRawCopies(ids, ctx)
    }
  }
}

/** Addresses compare case-insensitively: one token per mailbox, however it is spelled. */
const normalizedRecipient = (recipient: ReplyRecipient): ReplyRecipient =>
  recipient.type === "address" ? { type: "address", id: recipient.id.trim().toLowerCase() } : recipient

export default InboundEmailModuleService
