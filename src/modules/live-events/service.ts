import type { Context, Logger } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { createHash, randomBytes } from "node:crypto"
import type { AffiliateMessagingPluginOptions, ResolvedPluginOptions } from "../../types/options"
import { resolvePluginOptions } from "../../utils/plugin-options"
import { LocalBus } from "./bus/local-bus"
import { RedisBus } from "./bus/redis-bus"
import type { LiveBus } from "./bus/types"
import { LiveEvent, StreamTicket } from "./models"
import type { FactLogRepository } from "./repositories/fact-log"
import type { TicketRepository } from "./repositories/tickets"
import type { LiveFact, LiveFactInput, LiveFactListener, ReplayWindow, StreamTicketGrant } from "./types"

type Ctx = Context<EntityManager>
type ConfigModule = { projectConfig?: { redisUrl?: string } }

/** The module's container: its repositories (one per concern, in `repositories/`) among the rest. */
type InjectedDependencies = {
  logger: Logger
  configModule?: ConfigModule
  factLogRepository: FactLogRepository
  ticketRepository: TicketRepository
}

/** A ticket opens a stream within this many seconds, once. */
export const STREAM_TICKET_TTL_SECONDS = 60

const hashTicket = (ticket: string) => createHash("sha256").update(ticket).digest("hex")

/**
 * The live updates' log and feed: changes are recorded in Postgres (the
 * source of truth for `Last-Event-ID` replay) and published to every server
 * process, through Redis pub/sub when the plugin has Redis, else in process.
 * Also the member stream tickets.
 */
export default class LiveEventsModuleService extends MedusaService({ LiveEvent, StreamTicket }) {
  protected readonly options_: ResolvedPluginOptions
  protected readonly bus_: LiveBus
  protected readonly factLog_: FactLogRepository
  protected readonly tickets_: TicketRepository
  /** Set up here: Medusa hands out the service behind a proxy that does not read back properties set later. */
  protected readonly channel_: { value?: Promise<string> } = {}

  __hooks = {
    onApplicationShutdown: async () => {
      await this.bus_.close()
    },
  }

  constructor(cradle: InjectedDependencies, options?: AffiliateMessagingPluginOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.factLog_ = cradle.factLogRepository
    this.tickets_ = cradle.ticketRepository
    this.options_ = resolvePluginOptions(options)
    const redisUrl = options?.redisUrl || cradle.configModule?.projectConfig?.redisUrl || undefined
    this.bus_ = redisUrl ? new RedisBus(redisUrl, cradle.logger) : new LocalBus()
  }

  getOptions(): ResolvedPluginOptions {
    return this.options_
  }

  /** Records changes once they are committed, then publishes them. */
  async record(inputs: LiveFactInput[]): Promise<LiveFact[]> {
    if (!inputs.length) {
      return []
    }
    const facts = await this.insertFacts_(inputs)
    await this.bus_.publish(await this.channel(), facts)
    return facts
  }

  /** Delivers every fact recorded from now on, by any process of this store. */
  async listen(listener: LiveFactListener): Promise<() => void> {
    return this.bus_.subscribe(await this.channel(), listener)
  }

  @InjectManager()
  async listFactsAfter(after: number, limit: number, @MedusaContext() ctx: Ctx = {}): Promise<LiveFact[]> {
    return await this.factLog_.listAfter({ after, retainedSince: this.retainedSince(), limit }, ctx)
  }

  @InjectManager()
  async retrieveReplayWindow(after: number, @MedusaContext() ctx: Ctx = {}): Promise<ReplayWindow> {
    return await this.factLog_.replayWindow({ after, retainedSince: this.retainedSince() }, ctx)
  }

  @InjectManager()
  async retrieveHeadSeq(@MedusaContext() ctx: Ctx = {}): Promise<number> {
    return await this.factLog_.head(ctx)
  }

  /** A one-use ticket for `grant.member_id`'s stream; only its hash is stored. */
  @InjectTransactionManager()
  async issueStreamTicket(
    grant: StreamTicketGrant,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<{ ticket: string; expires_at: Date }> {
    const ticket = randomBytes(32).toString("base64url")
    const expires_at = new Date(Date.now() + STREAM_TICKET_TTL_SECONDS * 1000)
    await this.tickets_.insert({ ...grant, token_hash: hashTicket(ticket), expires_at }, ctx)
    return { ticket, expires_at }
  }

  /** The ticket's grant, once; null for an unknown, used or expired ticket. */
  @InjectTransactionManager()
  async useStreamTicket(ticket: string, @MedusaContext() ctx: Ctx = {}): Promise<StreamTicketGrant | null> {
    return await this.tickets_.use({ token_hash: hashTicket(ticket), now: new Date() }, ctx)
  }

  /** Forgets facts past retention and tickets expired an hour ago. */
  @InjectTransactionManager()
  async purgeExpired(@MedusaContext() ctx: Ctx = {}): Promise<{ facts: number; tickets: number }> {
    return {
      facts: await this.factLog_.purge(this.retainedSince(), ctx),
      tickets: await this.tickets_.purge(new Date(Date.now() - 3600_000), ctx),
    }
  }

  // one statement: no transaction of its own (BEGIN and COMMIT were two more round trips per message)
  @InjectManager()
  protected async insertFacts_(inputs: LiveFactInput[], @MedusaContext() ctx: Ctx = {}): Promise<LiveFact[]> {
    return await this.factLog_.insert(inputs, ctx)
  }

  protected retainedSince(): Date {
    return new Date(Date.now() - this.options_.liveUpdates.eventRetentionSeconds * 1000)
  }

  /** One channel per database: stores (and test runs) sharing a Redis never hear each other. */
  protected channel(): Promise<string> {
    this.channel_.value ??= this.databaseName_().then((name) => `affiliate-messaging:live:${name}`)
    return this.channel_.value
  }

  @InjectManager()
  protected async databaseName_(@MedusaContext() ctx: Ctx = {}): Promise<string> {
    return await this.factLog_.databaseName(ctx)
  }
}
