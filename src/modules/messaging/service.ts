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
  AppendMessageInput, AttachmentUploader, ConversationAffiliateFields, ConversationAudience, ConversationDTO, ConversationMemberFields,
  HeldNotification, MessageAttachmentDTO, MessageDTO, MessagingSettingsDTO, NotificationClaimInput, ThreadPage,
} from "../../types/messaging"
import type {
  AppendedMessage, AppendedMessageRef, ConversationList, IMessagingModuleService, InboxQuery,
  MemberConversationQuery, MemberConversationRef, OpenConversationInput, OwnerReadState, PostedMessage, PostedMessageRef,
  PostMessageInput, ThreadPageQuery,
} from "../../types/messaging-module"
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
} from "./models"
import type { AttachmentRepository } from "./repositories/attachment"
import type { BroadcastRepository } from "./repositories/broadcast"
import type { BroadcastBatchRepository } from "./repositories/broadcast-batch"
import type { CopyRepository } from "./repositories/copies"
import type { InboxRepository } from "./repositories/inbox"
import type { NotificationCapRepository } from "./repositories/notification-cap"
import type { ReadStateRepository } from "./repositories/read-state"
import type { SettingsRepository } from "./repositories/settings"
import type { TallyRepository } from "./repositories/tally"
import type { ThreadPageRepository } from "./repositories/thread-page"
import type { ThreadRepository } from "./repositories/thread"
import { conversationNotFound, isVisibleToMember, type MemberReader } from "./visibility"

type Ctx = Context<EntityManager>

/** The module's container: its repositories (one per concern, in `repositories/`) among the rest. */
type InjectedDependencies = {
  attachmentRepository: AttachmentRepository
  broadcastRepository: BroadcastRepository
  broadcastBatchRepository: BroadcastBatchRepository
  copyRepository: CopyRepository
  inboxRepository: InboxRepository
  notificationCapRepository: NotificationCapRepository
  readStateRepository: ReadStateRepository
  settingsRepository: SettingsRepository
  tallyRepository: TallyRepository
  threadPageRepository: ThreadPageRepository
  threadRepository: ThreadRepository
}

/**
 * Conversations, messages, attachments, both read states, the copies
 * conversations keep of affiliates and members, the email cap's claims and
 * the settings. Each operation names its input; the SQL lives in
 * `repositories/`, and the CRUD of the models comes from `MedusaService`.
 */
class MessagingModuleService
  extends MedusaService<{
    Conversation: { dto: ConversationDTO }
    Message: { dto: MessageDTO }
    MessageAttachment: { dto: MessageAttachmentDTO }
    MemberReadState: { dto: { id: string; conversation_id: string; member_id: string; last_read_at: Date } }
    MessagingSetting: { dto: MessagingSettingsDTO & { id: string; scope: string } }
    NotificationClaim: { dto: HeldNotification & { id: string; key: string; held: boolean } }
    AffiliateBroadcast: { dto: BroadcastWithCounts }
    AffiliateBroadcastRecipient: { dto: BroadcastRecipientRow & { id: string; broadcast_id: string } }
  }>({
    AffiliateBroadcast,
    AffiliateBroadcastRecipient,
    Conversation,
    Message,
    MessageAttachment,
    MemberReadState,
    MessagingSetting,
    NotificationClaim,
  })
  implements IMessagingModuleService
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
  protected readonly settings_: SettingsRepository
  protected readonly tally_: TallyRepository
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
    this.settings_ = container.settingsRepository
    this.tally_ = container.tallyRepository
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

  // threads

  @InjectTransactionManager()
  async openConversation(
    input: OpenConversationInput,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<{ conversation: ConversationDTO; created: boolean }> {
    const copies = { ...pick(input.affiliate, AFFILIATE_COPY), ...pick(input.member ?? NO_MEMBER, MEMBER_COPY) }
    return await this.thread_.open({ audience: input.audience, copies }, ctx)
  }

  @InjectTransactionManager()
  async discardEmptyConversation(id: string, @MedusaContext() ctx: Ctx = {}): Promise<void> {
    await this.thread_.discardEmpty(id, ctx)
  }

  /**
   * One conversation by id, or null: a plain indexed select, as every
   * thread route reads one before its page (the ORM's find costs more CPU
   * than the page itself).
   */
  @InjectManager()
  async findConversation(id: string, @MedusaContext() ctx: Ctx = {}): Promise<ConversationDTO | null> {
    return await this.thread_.find(id, ctx)
  }

  @InjectTransactionManager()
  async appendMessage(input: AppendMessageInput, @MedusaContext() ctx: Ctx = {}): Promise<AppendedMessage> {
    const appended = await this.thread_.append(input, ctx)
    if (!appended) {
      throw conversationNotFound(input.conversation_id)
    }
    return appended
  }

  @InjectManager()
  async findAudienceConversation(audience: ConversationAudience, @MedusaContext() ctx: Ctx = {}): Promise<ConversationDTO | null> {
    return (await this.thread_.findByAudience(audience, ctx)) ?? null
  }

  /**
   * A send's whole write, atomically (decision 0036): the audience's thread
   * opened unless the caller read it already, the message appended, its
   * uploads attached (each unsent, the writer's, under 24 hours old), and
   * for an affiliate's message the writer's read mark moved up to it.
   * Into a known thread without uploads that is one statement, committed
   * on its own, so the thread's row is locked only while it runs; anything
   * else is one transaction. Returns what `revertPostedMessage` needs.
   */
  @InjectManager()
  async postMessage(input: PostMessageInput, @MedusaContext() ctx: Ctx = {}): Promise<PostedMessage> {
    if (input.conversation && !input.attachment_ids?.length) {
      const appended = await this.thread_.appendInOneStatement(this.appendInputOf_(input, input.conversation.id), ctx)
      if (appended) {
        return postedMessage(input, { conversation: input.conversation, created: false }, appended)
      }
      // the thread read before was an empty one a failed send discarded meanwhile: open it again
    }
    return await this.postMessageInTransaction_({ ...input, conversation: null }, ctx)
  }

  @InjectTransactionManager()
  protected async postMessageInTransaction_(input: PostMessageInput, @MedusaContext() ctx: Ctx = {}): Promise<PostedMessage> {
    const opened = input.conversation
      ? { conversation: input.conversation, created: false }
      : await this.openConversation({ audience: input.audience, affiliate: input.affiliate, member: input.member }, ctx)
    const appended = await this.thread_.appendInOneStatement(this.appendInputOf_(input, opened.conversation.id), ctx)
    if (!appended) {
      throw conversationNotFound(opened.conversation.id)
    }
    const attachment_ids = input.attachment_ids ?? []
    if (attachment_ids.length) {
      await this.attachToMessage({ attachment_ids, message_id: appended.message.id, uploader: input.uploader! }, ctx)
    }
    return postedMessage(input, opened, appended)
  }

  protected appendInputOf_(input: PostMessageInput, conversationId: string) {
    return { ...input.message, conversation_id: conversationId, read_by_member_id: input.read_by_member_id ?? null }
  }

  /** Undoes `postMessage` in one transaction, last write first. */
  @InjectTransactionManager()
  async revertPostedMessage(posted: PostedMessageRef, @MedusaContext() ctx: Ctx = {}): Promise<void> {
    if (posted.read_mark) {
      await this.readState_.restoreMemberReadMark({ conversation_id: posted.conversation_id, ...posted.read_mark }, ctx)
    }
    if (posted.attachment_ids.length) {
      await this.attachments_.detach(posted.attachment_ids, ctx)
    }
    await this.thread_.revertAppend(posted, ctx)
    if (posted.created) {
      await this.thread_.discardEmpty(posted.conversation_id, ctx)
    }
  }

  @InjectTransactionManager()
  async revertAppendedMessage(appended: AppendedMessageRef, @MedusaContext() ctx: Ctx = {}): Promise<void> {
    await this.thread_.revertAppend(appended, ctx)
  }

  @InjectManager()
  async listThreadPage(query: ThreadPageQuery, @MedusaContext() ctx: Ctx = {}): Promise<ThreadPage> {
    return await this.threadPage_.listThreadPage(query, ctx)
  }

  /**
   * A page of a thread for one reader, in one statement. The access rule:
   * admins read every thread, a member only its team's thread and its own
   * (`reader`); a thread the reader may not see is NOT_FOUND like a missing
   * one, never 403. A cursor from another thread is INVALID_DATA.
   */
  @InjectManager()
  async retrieveThreadPage(
    query: ThreadPageQuery & { reader?: MemberReader },
    @MedusaContext() ctx: Ctx = {}
  ): Promise<ThreadPage> {
    const { reader, ...pageQuery } = query
    const page = await this.threadPage_.listThreadPage(pageQuery, ctx)
    if (!page.thread || (reader && !isVisibleToMember(page.thread, reader))) {
      throw conversationNotFound(query.conversation_id)
    }
    if (!page.cursor_found) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Message ${query.after ?? query.before} is not in this conversation`
      )
    }
    return page
  }

  // attachments

  /**
   * Ties uploads to a sent message, only if each is unsent, uploaded by
   * `uploader` and at most 24 hours old: an attachment is sent once.
   */
  @InjectTransactionManager()
  async attachToMessage(
    input: { attachment_ids: string[]; message_id: string; uploader: AttachmentUploader },
    @MedusaContext() ctx: Ctx = {}
  ): Promise<void> {
    if (!input.attachment_ids.length) {
      return
    }
    const attached = await this.attachments_.attach(
      { ids: input.attachment_ids, message_id: input.message_id, uploader: input.uploader },
      ctx
    )
    if (attached.length !== input.attachment_ids.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "An attachment was already sent, is not yours or is older than 24 hours"
      )
    }
  }

  @InjectTransactionManager()
  async detachFromMessage(ids: string[], @MedusaContext() ctx: Ctx = {}): Promise<void> {
    if (ids.length) {
      await this.attachments_.detach(ids, ctx)
    }
  }

  /** The attachments of sent messages, in upload order (thread pages read theirs with the page). */
  @InjectManager()
  async listAttachmentsOfMessages(messageIds: string[], @MedusaContext() ctx: Ctx = {}): Promise<MessageAttachmentDTO[]> {
    return messageIds.length ? await this.attachments_.listOfMessages(messageIds, ctx) : []
  }

  // lists

  @InjectManager()
  async listInbox(query: InboxQuery, @MedusaContext() ctx: Ctx = {}): Promise<ConversationList & { unread_count: number }> {
    return await this.inbox_.listInbox(query, ctx)
  }

  @InjectManager()
  async listMemberConversations(query: MemberConversationQuery, @MedusaContext() ctx: Ctx = {}): Promise<ConversationList> {
    return await this.inbox_.listMemberConversations(query, ctx)
  }

  /**
   * What a member's Messages tab and badge need, in one round trip: the
   * global settings, and the conversations (not messages) with owner
   * messages the member has not read.
   */
  @InjectManager()
  async retrieveMemberMessagingStatus(
    member: { affiliate_id: string; member_id: string },
    @MedusaContext() ctx: Ctx = {}
  ): Promise<{ settings: MessagingSettingsDTO; unread_count: number }> {
    const { settings, unread_count } = await this.inbox_.retrieveMemberBadge(member, ctx)
    return { settings: settings ?? (await this.createDefaultSettings_()), unread_count }
  }

  /** Folds the inbox tally's deltas (decision 0002); the scheduled job calls it. */
  @InjectTransactionManager()
  async compactInboxTally(@MedusaContext() ctx: Ctx = {}): Promise<void> {
    await this.tally_.compact(ctx)
  }

  // read state

  /** Sets the shared owner read state; returns the previous values of the changed rows. */
  @InjectTransactionManager()
  async setOwnerUnread(input: { ids: string[]; unread: boolean }, @MedusaContext() ctx: Ctx = {}): Promise<OwnerReadState[]> {
    return input.ids.length ? await this.readState_.setOwnerUnread(input, ctx) : []
  }

  @InjectTransactionManager()
  async restoreOwnerReadState(previous: OwnerReadState[], @MedusaContext() ctx: Ctx = {}): Promise<void> {
    await this.readState_.restoreOwnerReadState(previous, ctx)
  }

  /**
   * Moves a member's read mark (never backwards) to now, or with
   * `up_to_message_id` to that message of the thread: a member's own
   * message marks read what came before it, not an owner message that
   * landed between its send and this call. Returns the previous mark, and
   * whether owner messages were unread before.
   */
  @InjectTransactionManager()
  async markMemberRead(
    input: MemberConversationRef & { up_to_message_id?: string | null },
    @MedusaContext() ctx: Ctx = {}
  ): Promise<{ previous_read_at: Date | null; was_unread: boolean }> {
    const before = await this.readState_.memberReadMark(input, ctx)
    await this.readState_.moveMemberReadMark(input, ctx)
    return { previous_read_at: before.last_read_at, was_unread: before.unread }
  }

  /** The member's read mark on a conversation, if it ever read it. */
  @InjectManager()
  async memberReadMark(input: MemberConversationRef, @MedusaContext() ctx: Ctx = {}): Promise<Date | null> {
    return (await this.readState_.memberReadMark(input, ctx)).last_read_at
  }

  @InjectManager()
  async isUnreadForMember(input: MemberConversationRef, @MedusaContext() ctx: Ctx = {}): Promise<boolean> {
    return (await this.readState_.memberReadMark(input, ctx)).unread
  }

  @InjectTransactionManager()
  async restoreMemberReadState(
    input: MemberConversationRef & { previous_read_at: Date | null },
    @MedusaContext() ctx: Ctx = {}
  ): Promise<void> {
    await this.readState_.restoreMemberReadMark(input, ctx)
  }

  // copies of the affiliate module's records (decision 0013)

  /**
   * Copies an affiliate's current facts onto its conversations; returns
   * what they held before, null when they already matched.
   */
  @InjectTransactionManager()
  async updateAffiliateCopies(
    input: { affiliate_id: string; fields: ConversationAffiliateFields },
    @MedusaContext() ctx: Ctx = {}
  ): Promise<ConversationAffiliateFields | null> {
    const fields = pick(input.fields, AFFILIATE_COPY)
    return await this.copies_.copyOnConversations({ key: "affiliate_id", id: input.affiliate_id, fields }, ctx)
  }

  /**
   * Copies a member's name and email onto its member thread; returns what
   * it held before, null when it already matched (or there is no thread).
   */
  @InjectTransactionManager()
  async updateMemberCopies(
    input: { member_id: string; fields: ConversationMemberFields },
    @MedusaContext() ctx: Ctx = {}
  ): Promise<ConversationMemberFields | null> {
    const fields = pick(input.fields, MEMBER_COPY)
    return await this.copies_.copyOnConversations({ key: "member_id", id: input.member_id, fields }, ctx)
  }

  /**
   * Members whose thread holds no copy of them yet (written before the
   * member columns existed), in id order after `after`.
   */
  @InjectManager()
  async listMemberIdsWithoutCopies(page: { after: string; limit: number }, @MedusaContext() ctx: Ctx = {}): Promise<string[]> {
    return await this.copies_.listUncopiedMemberIds(page, ctx)
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

/** `postMessage`'s answer, with what undoes it. */
function postedMessage(
  input: PostMessageInput,
  opened: { conversation: ConversationDTO; created: boolean },
  appended: AppendedMessage & { previous_read_at: Date | null }
): PostedMessage {
  const { message, previous_owner_unread, previous_read_at } = appended
  return {
    conversation: opened.conversation,
    created: opened.created,
    message,
    undo: {
      message_id: message.id,
      conversation_id: message.conversation_id,
      previous_owner_unread,
      created: opened.created,
      attachment_ids: input.attachment_ids ?? [],
      read_mark: input.read_by_member_id ? { member_id: input.read_by_member_id, previous_read_at } : null,
    },
  }
}

/** The affiliate's fields every conversation of it carries. */
const AFFILIATE_COPY = [
  "affiliate_name",
  "affiliate_email",
  "affiliate_status",
  "affiliate_group_id",
  "affiliate_manager_id",
] as const satisfies readonly (keyof ConversationAffiliateFields)[]

/** The member's fields its member thread carries. */
const MEMBER_COPY = [
  "member_first_name",
  "member_last_name",
  "member_email",
] as const satisfies readonly (keyof ConversationMemberFields)[]

const NO_MEMBER: ConversationMemberFields = { member_first_name: null, member_last_name: null, member_email: null }

/** Only the copied columns, whatever else the caller's object holds. */
function pick<Fields, Key extends keyof Fields>(fields: Fields, keys: readonly Key[]): Pick<Fields, Key> {
  return Object.fromEntries(keys.map((key) => [key, fields[key]])) as Pick<Fields, Key>
}

export default MessagingModuleService
