import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
} from "@medusajs/framework/utils"
import type {
  AppendMessageInput, AttachmentUploader, ConversationAffiliateFields, ConversationDTO, ConversationMemberFields,
  MessageAttachmentDTO, MessageDTO, MessagingSettingsDTO, ThreadKey, ThreadPage,
} from "../../types/messaging"
import type {
  AppendedMessage, AppendedMessageRef, ConversationList, IMessagingModuleService, InboxQuery,
  MemberConversationQuery, MemberConversationRef, NotifiedMessagesFilter, OpenConversationInput, OwnerReadState, PostedMessage, PostedMessageRef,
  PostMessageInput, ThreadPageQuery,
} from "../../types/messaging-module"
import { AFFILIATE_COPY, MEMBER_COPY, NO_MEMBER, pickFields } from "./copied-fields"
import { postedMessage } from "./posted-message"
import { type Ctx, MessagingModuleBase } from "./service-base"
import { conversationNotFound, isVisibleToMember, type MemberReader } from "./visibility"

/**
 * Conversations, messages, attachments, both read states, the lists and
 * the copies conversations keep of affiliates and members. Each operation
 * names its input; the SQL lives in `repositories/`. The models' CRUD, the
 * repositories and the store-wide operations (the email cap's claims,
 * broadcasts, the settings) are in `service-base.ts`, which this extends.
 */
class MessagingModuleService extends MessagingModuleBase implements IMessagingModuleService {
  // threads

  @InjectTransactionManager()
  async openConversation(
    input: OpenConversationInput,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<{ conversation: ConversationDTO; created: boolean }> {
    const copies = { ...pickFields(input.affiliate, AFFILIATE_COPY), ...pickFields(input.member ?? NO_MEMBER, MEMBER_COPY) }
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

  @InjectManager()
  async listNotifiedMessages(filter: NotifiedMessagesFilter, @MedusaContext() ctx: Ctx = {}): Promise<MessageDTO[]> {
    return await this.thread_.listNotified(filter, ctx)
  }

  @InjectTransactionManager()
  async appendMessage(input: AppendMessageInput, @MedusaContext() ctx: Ctx = {}): Promise<AppendedMessage> {
    const appended = await this.thread_.append(input, ctx)
    if (!appended) {
      throw conversationNotFound(input.conversation_id)
    }
    return appended
  }

  /**
   * What a send reads of this module, in one statement: its thread (by id
   * for a reply, by audience for a new message; null when there is none)
   * and the global settings (created with the defaults when missing).
   */
  @InjectManager()
  async retrieveSendReads(
    thread: ThreadKey,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<{ conversation: ConversationDTO | null; settings: MessagingSettingsDTO }> {
    const { conversation, settings } = await this.sendReads_.retrieve(thread, ctx)
    return { conversation, settings: settings ?? (await this.createDefaultSettings_()) }
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
    const fields = pickFields(input.fields, AFFILIATE_COPY)
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
    const fields = pickFields(input.fields, MEMBER_COPY)
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

}

export default MessagingModuleService
