import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type {
  ConversationDTO, HeldNotification, MessageAttachmentDTO, MessageDTO, MessagingSettingsDTO, NotificationClaimInput,
  ThreadEmailDTO,
} from "../../types/messaging"
import { AffiliateMessagingPluginOptions, ResolvedPluginOptions } from "../../types/options"
import { resolvePluginOptions } from "../../utils/plugin-options"
import type {
  AudienceMember, BroadcastBatch, CreateBroadcastInput, BroadcastRecipientRow, BroadcastRecipientStatus, BroadcastStatus, BroadcastWithCounts,
} from "../../types/broadcast"
import {
  AffiliateBroadcast,
  AffiliateBroadcastRecipient,
  Conversation,
  MemberReadState,
  Message,
  MessageAttachment,
  MessagingSetting,
  NotificationClaim,
  ThreadEmail,
} from "./models"
import type { AttachmentRepository } from "./repositories/attachment"
import type { BroadcastRepository } from "./repositories/broadcast"
import type { BroadcastBatchRepository } from "./repositories/broadcast-batch"
import type { CopyRepository } from "./repositories/copies"
import type { InboxRepository } from "./repositories/inbox"
import type { NotificationCapRepository } from "./repositories/notification-cap"
import type { ReadStateRepository } from "./repositories/read-state"
import type { SendReadsRepository } from "./repositories/send-reads"
import type { SettingsRepository } from "./repositories/settings"
import type { TallyRepository } from "./repositories/tally"
import type { ThreadEmailRepository } from "./repositories/thread-email"
import type { ThreadPageRepository } from "./repositories/thread-page"
import type { ThreadRepository } from "./repositories/thread"

export type Ctx = Context<EntityManager>

/** The module's container: its repositories (one per concern, in `repositories/`) among the rest. */
type InjectedDependencies = {
  attachmentRepository: AttachmentRepository
  broadcastRepository: BroadcastRepository
  broadcastBatchRepository: BroadcastBatchRepository
  copyRepository: CopyRepository
  inboxRepository: InboxRepository
  notificationCapRepository: NotificationCapRepository
  readStateRepository: ReadStateRepository
  sendReadsRepository: SendReadsRepository
  settingsRepository: SettingsRepository
  tallyRepository: TallyRepository
  threadEmailRepository: ThreadEmailRepository
  threadPageRepository: ThreadPageRepository
  threadRepository: ThreadRepository
}

/**
 * The messaging module's foundation, which `MessagingModuleService`
 * (service.ts: conversations, messages, attachments, lists, read state,
 * copies) extends: the models' CRUD from `MedusaService`, the repositories
 * (one per concern, in `repositories/`, where all the SQL lives), the
 * options, and the store-wide operations: the email cap's claims,
 * broadcasts and the settings. Split in two files only to keep each
 * readable; the module has one service.
 */
export abstract class MessagingModuleBase
  extends MedusaService<{
    Conversation: { dto: ConversationDTO }
    Message: { dto: MessageDTO }
    MessageAttachment: { dto: MessageAttachmentDTO }
    MemberReadState: { dto: { id: string; conversation_id: string; member_id: string; last_read_at: Date } }
    MessagingSetting: { dto: MessagingSettingsDTO & { id: string; scope: string } }
    NotificationClaim: { dto: HeldNotification & { id: string; key: string; held: boolean } }
    AffiliateBroadcast: { dto: BroadcastWithCounts }
    AffiliateBroadcastRecipient: { dto: BroadcastRecipientRow & { id: string; broadcast_id: string } }
    ThreadEmail: { dto: Omit<ThreadEmailDTO, "references"> & { id: string; reference_ids: string[] } }
  }>({
    AffiliateBroadcast,
    AffiliateBroadcastRecipient,
    Conversation,
    Message,
    MessageAttachment,
    MemberReadState,
    MessagingSetting,
    NotificationClaim,
    ThreadEmail,
  })
{
  protected readonly options_: ResolvedPluginOptions
  /** `storeName` as the store set it, undefined when left to the default. */
  protected readonly configuredStoreName_?: string
  protected readonly attachments_: AttachmentRepository
  protected readonly broadcasts_: BroadcastRepository
  protected readonly broadcastBatches_: BroadcastBatchRepository
  protected readonly copies_: CopyRepository
  protected readonly inbox_: InboxRepository
  protected readonly notificationCap_: NotificationCapRepository
  protected readonly readState_: ReadStateRepository
  protected readonly sendReads_: SendReadsRepository
  protected readonly settings_: SettingsRepository
  protected readonly tally_: TallyRepository
  protected readonly threadEmails_: ThreadEmailRepository
  protected readonly threadPage_: ThreadPageRepository
  protected readonly thread_: ThreadRepository

  constructor(container: InjectedDependencies, options?: AffiliateMessagingPluginOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = resolvePluginOptions(options)
    this.configuredStoreName_ = options?.storeName || undefined
    this.attachments_ = container.attachmentRepository
    this.broadcasts_ = container.broadcastRepository
    this.broadcastBatches_ = container.broadcastBatchRepository
    this.copies_ = container.copyRepository
    this.inbox_ = container.inboxRepository
    this.notificationCap_ = container.notificationCapRepository
    this.readState_ = container.readStateRepository
    this.sendReads_ = container.sendReadsRepository
    this.settings_ = container.settingsRepository
    this.tally_ = container.tallyRepository
    this.threadEmails_ = container.threadEmailRepository
    this.threadPage_ = container.threadPageRepository
    this.thread_ = container.threadRepository
  }

  getOptions(): ResolvedPluginOptions {
    return this.options_
  }

  /** The `storeName` option if the store set it (emails sign with it), else undefined. */
  getConfiguredStoreName(): string | undefined {
    return this.configuredStoreName_
  }

  // notifications

  /**
   * Decides, for each email, whether it goes out or is held for its
   * bucket's digest (`affiliateEmailsPerHour`, decision 0005). Returns the
   * held keys with their period.
   */
  @InjectTransactionManager()
  async claimNotificationSlots(
    input: { claims: NotificationClaimInput[]; cap: number },
    @MedusaContext() ctx: Ctx = {}
  ): Promise<Map<string, Date>> {
    return await this.notificationCap_.claim(input, ctx)
  }

  /** The emails held for one recipient's digest of a bucket and period. */
  @InjectManager()
  async listHeldNotifications(
    input: { bucket: string; period_start: Date; recipient_key: string },
    @MedusaContext() ctx: Ctx = {}
  ): Promise<HeldNotification[]> {
    return await this.notificationCap_.listHeld(input, ctx)
  }

  /** The conversation's latest email to each of these recipients that has one on record (decision 0042). */
  @InjectManager()
  async latestThreadEmails(
    input: { conversation_id: string; recipient_keys: string[] },
    @MedusaContext() ctx: Ctx = {}
  ): Promise<ThreadEmailDTO[]> {
    return input.recipient_keys.length ? await this.threadEmails_.latest(input, ctx) : []
  }

  /** Records sent emails as their recipients' latest of their conversations; one statement. */
  @InjectManager()
  async recordThreadEmails(emails: ThreadEmailDTO[], @MedusaContext() ctx: Ctx = {}): Promise<void> {
    if (emails.length) {
      await this.threadEmails_.record(emails, ctx)
    }
  }

  // broadcasts (decision 0035)

  /**
   * Records a broadcast, `scheduled` (the start job or `startDueBroadcasts`
   * moves it on), with the owner's uploads it carries: each must be unsent,
   * the author's and at most 24 hours old, else INVALID_DATA and nothing is
   * written.
   */
  @InjectManager()
  async createBroadcast(
    input: CreateBroadcastInput,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<BroadcastWithCounts> {
    // read after the commit: the ORM writes the row when the transaction ends
    const id = await this.createBroadcast_(input, ctx)
    return (await this.broadcasts_.retrieve(id, ctx))!
  }

  @InjectTransactionManager()
  protected async createBroadcast_(
    input: CreateBroadcastInput,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<string> {
    const { attachment_ids, ...fields } = input
    const created = await this.createAffiliateBroadcasts({ ...fields, attachment_count: attachment_ids.length } as any, ctx)
    if (attachment_ids.length) {
      const taken = await this.broadcasts_.takeAttachments(
        { broadcast_id: created.id, ids: attachment_ids, uploader_id: input.created_by },
        ctx
      )
      if (taken !== attachment_ids.length) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "An attachment was already sent, is not yours or is older than 24 hours"
        )
      }
    }
    return created.id
  }

  /** Starts the due scheduled broadcasts while fewer than `concurrency` send; returns the ids started. */
  @InjectTransactionManager()
  async startDueBroadcasts(concurrency: number, @MedusaContext() ctx: Ctx = {}): Promise<{ id: string; runs: number }[]> {
    return await this.broadcasts_.startDue(concurrency, ctx)
  }

  /** Sending broadcasts nobody writes (lease lapsed), each handed to one caller with a fresh run number. */
  @InjectTransactionManager()
  async takeStalledBroadcasts(input: { quiet_seconds: number }, @MedusaContext() ctx: Ctx = {}): Promise<{ id: string; runs: number }[]> {
    return await this.broadcasts_.takeStalled(input, ctx)
  }

  /** Takes or renews the right to write a broadcast's batches for `seconds`. */
  @InjectTransactionManager()
  async leaseBroadcast(input: { broadcast_id: string; owner: string; seconds: number }, @MedusaContext() ctx: Ctx = {}): Promise<boolean> {
    return await this.broadcasts_.lease(input, ctx)
  }

  @InjectTransactionManager()
  async releaseBroadcastLease(input: { broadcast_id: string; owner: string }, @MedusaContext() ctx: Ctx = {}): Promise<void> {
    await this.broadcasts_.releaseLease(input, ctx)
  }

  @InjectManager()
  async isBroadcastFrozen(broadcastId: string, @MedusaContext() ctx: Ctx = {}): Promise<boolean> {
    return await this.broadcasts_.isFrozen(broadcastId, ctx)
  }

  /** Which of the affiliates have a team thread. */
  @InjectManager()
  async listAffiliatesWithTeamThread(affiliateIds: string[], @MedusaContext() ctx: Ctx = {}): Promise<string[]> {
    return affiliateIds.length ? await this.broadcasts_.listAffiliatesWithTeamThread(affiliateIds, ctx) : []
  }

  /** Freezes the recipient list once (skipped ones with their reason); false when it already was. */
  @InjectTransactionManager()
  async freezeBroadcastRecipients(
    input: { broadcast_id: string; members: AudienceMember[] },
    @MedusaContext() ctx: Ctx = {}
  ): Promise<boolean> {
    return await this.broadcasts_.freeze(input, ctx)
  }

  /** Writes the next batch of a sending broadcast's copies, in one transaction. */
  @InjectTransactionManager()
  async writeBroadcastBatch(
    input: { broadcast_id: string; size: number; store_name: string },
    @MedusaContext() ctx: Ctx = {}
  ): Promise<BroadcastBatch> {
    return await this.broadcastBatches_.writeBatch(input, ctx)
  }

  @InjectManager()
  async listBroadcastMessageIds(broadcastId: string, @MedusaContext() ctx: Ctx = {}): Promise<string[]> {
    return await this.broadcasts_.listDeliveredMessageIds(broadcastId, ctx)
  }

  /** Marks the broadcast sent when nobody is pending; true when this call did. */
  @InjectTransactionManager()
  async finishBroadcast(broadcastId: string, @MedusaContext() ctx: Ctx = {}): Promise<boolean> {
    return await this.broadcasts_.finish(broadcastId, ctx)
  }

  /** Cancels a scheduled or sending broadcast; returns the status it had (null: not found). */
  @InjectTransactionManager()
  async cancelBroadcast(broadcastId: string, @MedusaContext() ctx: Ctx = {}): Promise<BroadcastStatus | null> {
    return await this.broadcasts_.cancel(broadcastId, ctx)
  }

  /** Sets a cancelled broadcast back to the status it had (the cancel's compensation). */
  @InjectTransactionManager()
  async restoreBroadcastStatus(input: { id: string; status: BroadcastStatus }, @MedusaContext() ctx: Ctx = {}): Promise<void> {
    await this.updateAffiliateBroadcasts({ id: input.id, status: input.status, finished_at: null } as any, ctx)
  }

  /** One broadcast with its read and replied counts; NOT_FOUND when missing. */
  @InjectManager()
  async retrieveBroadcast(broadcastId: string, @MedusaContext() ctx: Ctx = {}): Promise<BroadcastWithCounts> {
    const broadcast = await this.broadcasts_.retrieve(broadcastId, ctx)
    if (!broadcast) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Broadcast ${broadcastId} was not found`)
    }
    return broadcast
  }

  @InjectManager()
  async listBroadcastsWithCounts(
    query: { status?: BroadcastStatus[]; limit: number; offset: number },
    @MedusaContext() ctx: Ctx = {}
  ): Promise<{ broadcasts: BroadcastWithCounts[]; count: number }> {
    return await this.broadcasts_.list(query, ctx)
  }

  @InjectManager()
  async listBroadcastRecipients(
    query: { broadcast_id: string; status?: BroadcastRecipientStatus[]; limit: number; offset: number },
    @MedusaContext() ctx: Ctx = {}
  ): Promise<{ recipients: BroadcastRecipientRow[]; count: number }> {
    return await this.broadcasts_.listRecipients(query, ctx)
  }

  // settings

  /**
   * The global settings. Read on every badge request, so the common case is
   * one select; the row is created from the plugin options on first use.
   */
  @InjectManager()
  async retrieveSettings(@MedusaContext() ctx: Ctx = {}): Promise<MessagingSettingsDTO> {
    return (await this.settings_.retrieveGlobal(ctx)) ?? (await this.createDefaultSettings_())
  }

  @InjectTransactionManager()
  protected async createDefaultSettings_(@MedusaContext() ctx: Ctx = {}): Promise<MessagingSettingsDTO> {
    await this.settings_.createGlobal({ enabled: this.options_.messagingEnabledByDefault }, ctx)
    return (await this.settings_.retrieveGlobal(ctx))!
  }

  @InjectTransactionManager()
  async updateSettings(
    update: Partial<MessagingSettingsDTO>,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<{ previous: MessagingSettingsDTO; current: MessagingSettingsDTO }> {
    const previous = (await this.settings_.retrieveGlobal(ctx)) ?? (await this.createDefaultSettings_(ctx))
    const [row] = await this.listMessagingSettings({ scope: "global" }, { select: ["id"] }, ctx)
    await this.updateMessagingSettings({ id: row.id, ...update }, ctx)
    return { previous, current: { ...previous, ...update } }
  }
}
