import type { Context, IModuleService } from "@medusajs/framework/types"
import type { AffiliateStatus } from "./affiliate"
import type {
  AudienceMember,
  BroadcastBatch,
  CreateBroadcastInput,
  BroadcastDTO,
  BroadcastRecipientRow,
  BroadcastRecipientStatus,
  BroadcastStatus,
  BroadcastWithCounts,
} from "./broadcast"
import type {
  AppendMessageInput,
  AttachmentUploader,
  ConversationAffiliateFields,
  ConversationAudience,
  ConversationDTO,
  ConversationListItem,
  ConversationMemberFields,
  HeldNotification,
  MessageAttachmentDTO,
  MessageAuthorType,
  MessageDTO,
  MessagingSettingsDTO,
  NotificationClaimInput,
  ThreadEmailDTO,
  ThreadKey,
  ThreadPage,
} from "./messaging"
import type { ListOf, OneOrMany } from "./module-service"
import type { ResolvedPluginOptions } from "./options"

/** The owners' shared inbox: filters (each a list, any of), search, a page. */
export type InboxQuery = {
  unread?: boolean
  group_id?: string[]
  manager_id?: string[]
  affiliate_status?: AffiliateStatus[]
  affiliate_id?: string[]
  member_id?: string[]
  /** Threads holding a message of one of these broadcasts. */
  broadcast_id?: string[]
  q?: string
  limit: number
  offset: number
}

/** A member's list: its team's thread and its own member thread. */
export type MemberConversationQuery = {
  affiliate_id: string
  member_id: string
  unread?: boolean
  limit: number
  offset: number
}

/** A window of a thread: after or before a message, at an offset, or the latest. */
export type ThreadPageQuery = {
  conversation_id: string
  limit: number
  offset?: number
  before?: string
  after?: string
}

export type OpenConversationInput = {
  audience: ConversationAudience
  affiliate: ConversationAffiliateFields
  /** What a member thread copies of its member; null for the team's thread. */
  member: ConversationMemberFields | null
}

export type AppendedMessage = { message: MessageDTO; previous_owner_unread: boolean }

/**
 * A send's write (`postMessage`): into `conversation` when the caller
 * already read it, else into the audience's thread, opened if missing.
 */
export type PostMessageInput = OpenConversationInput & {
  conversation?: ConversationDTO | null
  message: Omit<AppendMessageInput, "conversation_id">
  attachment_ids?: string[]
  uploader?: AttachmentUploader
  /** An affiliate's message: the writer's read mark moves up to it. */
  read_by_member_id?: string | null
}

export type PostedMessage = {
  conversation: ConversationDTO
  created: boolean
  message: MessageDTO
  /** What `revertPostedMessage` needs to undo the write. */
  undo: PostedMessageRef
}

export type PostedMessageRef = AppendedMessageRef & {
  created: boolean
  attachment_ids: string[]
  read_mark: { member_id: string; previous_read_at: Date | null } | null
}

/** What `revertAppendedMessage` needs of an append. */
export type AppendedMessageRef = { message_id: string; conversation_id: string; previous_owner_unread: boolean }

/** The owners' read state of a conversation before a change. */
export type OwnerReadState = { id: string; owner_unread: boolean; owner_read_at: Date | null }

export type MemberConversationRef = { conversation_id: string; member_id: string }

export type ConversationList = { conversations: ConversationListItem[]; count: number }

/** One message by id, or the messages one side wrote in a thread within [from, to). */
export type NotifiedMessagesFilter =
  | { id: string }
  | { conversation_id: string; author_type: MessageAuthorType; from: Date; to: Date }

/**
 * The messaging module (`MESSAGING_MODULE`): what workflows, routes, jobs
 * and subscribers may call. Resolve it as
 * `container.resolve<IMessagingModuleService>(MESSAGING_MODULE)`.
 * Methods that write take the workflow's transaction through
 * `sharedContext`, as Medusa's modules do.
 */
export interface IMessagingModuleService extends IModuleService {
  /** Plugin options reach modules only: routes and steps read them here. */
  getOptions(): ResolvedPluginOptions
  /** The `storeName` option if the store set it (emails sign with it), else undefined. */
  getConfiguredStoreName(): string | undefined

  // threads
  /** The audience's conversation, created if missing; `created` says which. */
  openConversation(
    input: OpenConversationInput,
    sharedContext?: Context
  ): Promise<{ conversation: ConversationDTO; created: boolean }>
  /** Undoes `openConversation` when it created an empty thread. */
  discardEmptyConversation(id: string, sharedContext?: Context): Promise<void>
  findConversation(id: string, sharedContext?: Context): Promise<ConversationDTO | null>
  /** What a notification email reports: one message, or a side's messages of a thread in a delay window; oldest first, plain SQL. */
  listNotifiedMessages(filter: NotifiedMessagesFilter, sharedContext?: Context): Promise<MessageDTO[]>
  appendMessage(input: AppendMessageInput, sharedContext?: Context): Promise<AppendedMessage>
  /** Compensation of `appendMessage`: the only way a message is ever removed. */
  revertAppendedMessage(appended: AppendedMessageRef, sharedContext?: Context): Promise<void>
  /** A send's whole write in one transaction: thread opened if needed, message appended, uploads attached, writer's read mark moved. */
  postMessage(input: PostMessageInput, sharedContext?: Context): Promise<PostedMessage>
  /** Compensation of `postMessage`, in one transaction. */
  revertPostedMessage(posted: PostedMessageRef, sharedContext?: Context): Promise<void>
  /** A send's reads of this module in one statement: its thread by id or audience (null when none) and the settings. */
  retrieveSendReads(
    thread: ThreadKey,
    sharedContext?: Context
  ): Promise<{ conversation: ConversationDTO | null; settings: MessagingSettingsDTO }>
  listThreadPage(query: ThreadPageQuery, sharedContext?: Context): Promise<ThreadPage>
  /** A thread page for one reader (a member: its team's thread and its own); NOT_FOUND when invisible or missing, INVALID_DATA for a foreign cursor. */
  retrieveThreadPage(
    query: ThreadPageQuery & { reader?: { id: string; affiliate_id: string } },
    sharedContext?: Context
  ): Promise<ThreadPage>

  // attachments
  attachToMessage(
    input: { attachment_ids: string[]; message_id: string; uploader: AttachmentUploader },
    sharedContext?: Context
  ): Promise<void>
  detachFromMessage(ids: string[], sharedContext?: Context): Promise<void>
  listAttachmentsOfMessages(messageIds: string[], sharedContext?: Context): Promise<MessageAttachmentDTO[]>

  // lists
  listInbox(query: InboxQuery, sharedContext?: Context): Promise<ConversationList & { unread_count: number }>
  listMemberConversations(query: MemberConversationQuery, sharedContext?: Context): Promise<ConversationList>
  retrieveMemberMessagingStatus(
    member: { affiliate_id: string; member_id: string },
    sharedContext?: Context
  ): Promise<{ settings: MessagingSettingsDTO; unread_count: number }>
  compactInboxTally(sharedContext?: Context): Promise<void>

  // read state
  setOwnerUnread(input: { ids: string[]; unread: boolean }, sharedContext?: Context): Promise<OwnerReadState[]>
  restoreOwnerReadState(previous: OwnerReadState[], sharedContext?: Context): Promise<void>
  markMemberRead(
    input: MemberConversationRef & { up_to_message_id?: string | null },
    sharedContext?: Context
  ): Promise<{ previous_read_at: Date | null; was_unread: boolean }>
  memberReadMark(input: MemberConversationRef, sharedContext?: Context): Promise<Date | null>
  isUnreadForMember(input: MemberConversationRef, sharedContext?: Context): Promise<boolean>
  restoreMemberReadState(
    input: MemberConversationRef & { previous_read_at: Date | null },
    sharedContext?: Context
  ): Promise<void>

  // copies of the affiliate module's records
  updateAffiliateCopies(
    input: { affiliate_id: string; fields: ConversationAffiliateFields },
    sharedContext?: Context
  ): Promise<ConversationAffiliateFields | null>
  updateMemberCopies(
    input: { member_id: string; fields: ConversationMemberFields },
    sharedContext?: Context
  ): Promise<ConversationMemberFields | null>
  listMemberIdsWithoutCopies(page: { after: string; limit: number }, sharedContext?: Context): Promise<string[]>

  // notifications
  claimNotificationSlots(
    input: { claims: NotificationClaimInput[]; cap: number },
    sharedContext?: Context
  ): Promise<Map<string, Date>>
  listHeldNotifications(
    input: { bucket: string; period_start: Date; recipient_key: string },
    sharedContext?: Context
  ): Promise<HeldNotification[]>
  latestThreadEmails(
    input: { conversation_id: string; recipient_keys: string[] },
    sharedContext?: Context
  ): Promise<ThreadEmailDTO[]>
  recordThreadEmails(emails: ThreadEmailDTO[], sharedContext?: Context): Promise<void>

  // broadcasts (decision 0035)
  createBroadcast(
    input: CreateBroadcastInput,
    sharedContext?: Context
  ): Promise<BroadcastWithCounts>
  startDueBroadcasts(concurrency: number, sharedContext?: Context): Promise<{ id: string; runs: number }[]>
  takeStalledBroadcasts(input: { quiet_seconds: number }, sharedContext?: Context): Promise<{ id: string; runs: number }[]>
  leaseBroadcast(input: { broadcast_id: string; owner: string; seconds: number }, sharedContext?: Context): Promise<boolean>
  releaseBroadcastLease(input: { broadcast_id: string; owner: string }, sharedContext?: Context): Promise<void>
  isBroadcastFrozen(broadcastId: string, sharedContext?: Context): Promise<boolean>
  listAffiliatesWithTeamThread(affiliateIds: string[], sharedContext?: Context): Promise<string[]>
  freezeBroadcastRecipients(input: { broadcast_id: string; members: AudienceMember[] }, sharedContext?: Context): Promise<boolean>
  writeBroadcastBatch(input: { broadcast_id: string; size: number; store_name: string }, sharedContext?: Context): Promise<BroadcastBatch>
  listBroadcastMessageIds(broadcastId: string, sharedContext?: Context): Promise<string[]>
  finishBroadcast(broadcastId: string, sharedContext?: Context): Promise<boolean>
  cancelBroadcast(broadcastId: string, sharedContext?: Context): Promise<BroadcastStatus | null>
  restoreBroadcastStatus(input: { id: string; status: BroadcastStatus }, sharedContext?: Context): Promise<void>
  retrieveBroadcast(broadcastId: string, sharedContext?: Context): Promise<BroadcastWithCounts>
  listBroadcastsWithCounts(
    query: { status?: BroadcastStatus[]; limit: number; offset: number },
    sharedContext?: Context
  ): Promise<{ broadcasts: BroadcastWithCounts[]; count: number }>
  listBroadcastRecipients(
    query: { broadcast_id: string; status?: BroadcastRecipientStatus[]; limit: number; offset: number },
    sharedContext?: Context
  ): Promise<{ recipients: BroadcastRecipientRow[]; count: number }>

  // settings
  retrieveSettings(sharedContext?: Context): Promise<MessagingSettingsDTO>
  updateSettings(
    update: Partial<MessagingSettingsDTO>,
    sharedContext?: Context
  ): Promise<{ previous: MessagingSettingsDTO; current: MessagingSettingsDTO }>

  // generated by MedusaService from the data models
  listConversations: ListOf<ConversationDTO, { id?: OneOrMany<string>; affiliate_id?: string; member_id?: string | null }>
  listMessages: ListOf<
    MessageDTO,
    {
      id?: OneOrMany<string>
      conversation_id?: string
      author_type?: MessageDTO["author_type"]
      source?: MessageDTO["source"]
      body?: string
      created_at?: { $gte?: Date; $lt?: Date }
    }
  >
  listMessageAttachments: ListOf<
    MessageAttachmentDTO,
    { id?: OneOrMany<string>; message_id?: OneOrMany<string> | null; created_at?: { $lt: Date } }
  >
  createMessageAttachments(
    data: Omit<MessageAttachmentDTO, "id" | "message_id" | "created_at">[],
    sharedContext?: Context
  ): Promise<MessageAttachmentDTO[]>
  deleteMessageAttachments(ids: string[], sharedContext?: Context): Promise<void>
  updateMessageAttachments(
    data: { id: string; broadcast_id: string | null }[],
    sharedContext?: Context
  ): Promise<MessageAttachmentDTO[]>
  listAffiliateBroadcasts: ListOf<BroadcastDTO, { id?: OneOrMany<string> }>
  deleteAffiliateBroadcasts(ids: OneOrMany<string>, sharedContext?: Context): Promise<void>
}
