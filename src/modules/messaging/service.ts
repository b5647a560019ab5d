import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import {
  AppendMessageInput,
  ConversationAffiliateFields,
  ConversationAudience,
  ConversationMemberFields,
  ConversationDTO,
  ATTACHMENT_SEND_WINDOW_HOURS,
  MESSAGE_PREVIEW_LENGTH,
  MessageAttachmentDTO,
  MessageDTO,
  MessagingSettingsDTO,
  ThreadPage,
  ConversationListItem,
  HeldNotification,
  NotificationClaimInput,
} from "../../types/messaging"
import {
  AffiliateMessagingPluginOptions,
  ResolvedPluginOptions,
} from "../../types/options"
import { resolvePluginOptions } from "../../utils/plugin-options"
import { placeholders } from "../../utils/sql-placeholders"
import {
  Conversation,
  MemberReadState,
  Message,
  MessageAttachment,
  MessagingSetting,
  NotificationClaim,
} from "./models"
import {
  InboxQuery,
  MemberConversationQuery,
  ThreadPageQuery,
  inboxSql,
  memberConversationsSql,
  memberUnreadSql,
  positionSql,
  threadPageSql,
} from "./queries"
import { COMMON_TRIGRAMS_SQL, CommonTrigrams, NO_COMMON_TRIGRAMS, commonTrigramsFromRows } from "./search-probes"

type ThreadPageRow = {
  thread_affiliate_id: string
  thread_member_id: string | null
  thread_total: number | string
  cursor_found: boolean
  messages: ThreadPage["messages"]
}

type Ctx = Context<EntityManager>

export type AppendedMessage = {
  message: MessageDTO
  previous_owner_unread: boolean
}

/**
 * Conversations, messages and read state. Writes that must hold under
 * concurrency are single SQL statements: one thread per audience comes from
 * unique indexes (INSERT … ON CONFLICT), and appending locks the
 * conversation row so messages get strictly increasing timestamps.
 */
class MessagingModuleService extends MedusaService({
  Conversation,
  Message,
  MessageAttachment,
  MemberReadState,
  MessagingSetting,
  NotificationClaim,
}) {
  protected readonly options_: ResolvedPluginOptions
  /**
   * ANALYZE renews them every few minutes at most: read once a minute. A
   * holder set up in the constructor: Medusa hands out the service behind a
   * proxy on which a property set later is not read back.
   */
  protected readonly commonTrigrams_: { readAt: number; value?: Promise<CommonTrigrams> } = { readAt: 0 }

  constructor(
    container: Record<string, unknown>,
    options?: AffiliateMessagingPluginOptions
  ) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = resolvePluginOptions(options)
  }

  getOptions(): ResolvedPluginOptions {
    return this.options_
  }

  /**
   * The audience's conversation, created if missing; `created` says which.
   * `member` is what a member thread mirrors of its member (null for the team).
   */
  @InjectTransactionManager()
  async openConversation(
    audience: ConversationAudience,
    affiliate: ConversationAffiliateFields,
    member: ConversationMemberFields | null,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<{ conversation: ConversationDTO; created: boolean }> {
    const manager = ctx.transactionManager!
    const mirrored = [...mirrorValues(AFFILIATE_MIRROR, affiliate), ...mirrorValues(MEMBER_MIRROR, member ?? NO_MEMBER)]
    const [inserted] = await manager.execute(
      `insert into affiliate_conversation (id, affiliate_id, member_id,
         ${[...AFFILIATE_MIRROR, ...MEMBER_MIRROR].join(", ")}, created_at, updated_at)
       values (?, ?, ?, ${placeholders(mirrored)}, now(), now())
       on conflict do nothing
       returning *`,
      [generateEntityId(undefined, "conv"), audience.affiliate_id, audience.member_id, ...mirrored]
    )
    if (inserted) {
      return { conversation: inserted as ConversationDTO, created: true }
    }
    // `is not distinct from` would hide both unique indexes from the planner
    const [existing] = await manager.execute(
      audience.member_id
        ? `select * from affiliate_conversation where affiliate_id = ? and member_id = ? and deleted_at is null`
        : `select * from affiliate_conversation where affiliate_id = ? and member_id is null and deleted_at is null`,
      audience.member_id ? [audience.affiliate_id, audience.member_id] : [audience.affiliate_id]
    )
    return { conversation: existing as ConversationDTO, created: false }
  }

  /** Undoes `openConversation` when it created an empty thread. */
  @InjectTransactionManager()
  async discardEmptyConversation(id: string, @MedusaContext() ctx: Ctx = {}) {
    await ctx.transactionManager!.execute(
      `delete from affiliate_conversation where id = ? and message_count = 0`,
      [id]
    )
  }

  @InjectTransactionManager()
  async appendMessage(
    input: AppendMessageInput,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<AppendedMessage> {
    const manager = ctx.transactionManager!
    const preview = Array.from(input.body).slice(0, MESSAGE_PREVIEW_LENGTH).join("")
    // Locking the row serialises appends to one thread, so `at` grows
    // strictly in commit order even for sends in the same microsecond.
    const [state] = await manager.execute(
      `with previous as (
         select id, owner_unread,
                greatest(clock_timestamp(), last_message_at + interval '1 microsecond') as at
           from affiliate_conversation where id = ? and deleted_at is null for update)
       update affiliate_conversation c set
         message_count = c.message_count + 1,
         last_message_at = previous.at,
         last_message_preview = ?,
         last_owner_message_at = case when ? = 'owner' then previous.at else c.last_owner_message_at end,
         owner_unread = case ? when 'affiliate' then true when 'owner' then false else c.owner_unread end,
         owner_read_at = case when ? = 'owner' then previous.at else c.owner_read_at end,
         updated_at = now()
       from previous where c.id = previous.id
       returning previous.owner_unread`,
      [
        input.conversation_id,
        preview,
        input.author_type,
        input.author_type,
        input.author_type,
      ]
    )
    // the time comes from the row just updated: passed through a JS Date it
    // would be cut to milliseconds, and two messages of one millisecond would tie
    const [message] = await manager.execute(
      `insert into affiliate_message (id, conversation_id, author_type, author_id, author_name, body, source, broadcast_id,
         created_at, updated_at)
       select ?, c.id, ?, ?, ?, ?, ?, ?, c.last_message_at, c.last_message_at
         from affiliate_conversation c where c.id = ?
       returning id, conversation_id, author_type, author_id, author_name, body, source, broadcast_id, created_at`,
      [
        generateEntityId(undefined, "msg"),
        input.author_type,
        input.author_id,
        input.author_name,
        input.body,
        input.source ?? "app",
        input.broadcast_id ?? null,
        input.conversation_id,
      ]
    )
    return { message: message as MessageDTO, previous_owner_unread: state.owner_unread }
  }

  /** Compensation of `appendMessage`: the only way a message is ever removed. */
  @InjectTransactionManager()
  async revertAppendedMessage(
    appended: { message_id: string; conversation_id: string; previous_owner_unread: boolean },
    @MedusaContext() ctx: Ctx = {}
  ) {
    const manager = ctx.transactionManager!
    await manager.execute(`select id from affiliate_conversation where id = ? for update`, [
      appended.conversation_id,
    ])
    await manager.execute(`delete from affiliate_message where id = ?`, [appended.message_id])
    await manager.execute(
      `update affiliate_conversation c set
         message_count = greatest(c.message_count - 1, 0),
         last_message_at = (select max(created_at) from affiliate_message where conversation_id = c.id),
         last_message_preview = (select left(body, ${MESSAGE_PREVIEW_LENGTH}) from affiliate_message
                                  where conversation_id = c.id order by created_at desc, id desc limit 1),
         last_owner_message_at = (select max(created_at) from affiliate_message
                                   where conversation_id = c.id and author_type = 'owner'),
         owner_unread = ?
       where c.id = ?`,
      [appended.previous_owner_unread, appended.conversation_id]
    )
  }

  /**
   * Ties uploads to a sent message, only if each is unsent, uploaded by
   * `uploader` and at most 24 hours old: an attachment is sent once.
   */
  @InjectTransactionManager()
  async attachToMessage(
    ids: string[],
    messageId: string,
    uploader: { type: "owner" | "affiliate"; id: string },
    @MedusaContext() ctx: Ctx = {}
  ) {
    if (!ids.length) {
      return
    }
    const attached = await ctx.transactionManager!.execute(
      `update affiliate_message_attachment set message_id = ?, updated_at = now()
        where id in (${placeholders(ids)}) and message_id is null and deleted_at is null
          and uploader_type = ? and uploader_id = ? and created_at > now() - interval '${ATTACHMENT_SEND_WINDOW_HOURS} hours'
        returning id`,
      [messageId, ...ids, uploader.type, uploader.id]
    )
    if (attached.length !== ids.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "An attachment was already sent, is not yours or is older than 24 hours"
      )
    }
  }

  @InjectTransactionManager()
  async detachFromMessage(ids: string[], @MedusaContext() ctx: Ctx = {}) {
    if (ids.length) {
      await ctx.transactionManager!.execute(
        `update affiliate_message_attachment set message_id = null where id in (${placeholders(ids)})`,
        ids
      )
    }
  }

  /** Sets the shared owner read state; returns the previous values of the changed rows. */
  @InjectTransactionManager()
  async setOwnerUnread(
    ids: string[],
    unread: boolean,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<{ id: string; owner_unread: boolean; owner_read_at: Date | null }[]> {
    if (!ids.length) {
      return []
    }
    return await ctx.transactionManager!.execute(
      `update affiliate_conversation c set owner_unread = ?,
              owner_read_at = case when ? then c.owner_read_at else now() end,
              updated_at = now()
         from (select id, owner_unread, owner_read_at from affiliate_conversation
                where id in (${placeholders(ids)}) for update) previous
        where c.id = previous.id and c.owner_unread is distinct from ?
        returning previous.id, previous.owner_unread, previous.owner_read_at`,
      [unread, unread, ...ids, unread]
    )
  }

  @InjectTransactionManager()
  async restoreOwnerReadState(
    previous: { id: string; owner_unread: boolean; owner_read_at: Date | null }[],
    @MedusaContext() ctx: Ctx = {}
  ) {
    for (const row of previous) {
      await ctx.transactionManager!.execute(
        `update affiliate_conversation set owner_unread = ?, owner_read_at = ? where id = ?`,
        [row.owner_unread, row.owner_read_at, row.id]
      )
    }
  }

  /**
   * Moves a member's read mark (never backwards) to now, or with
   * `upToMessageId` to that message of the thread: a member's own message
   * marks read what came before it, not an owner message that landed
   * between its send and this call. Returns the previous mark, and whether
   * owner messages were unread before.
   */
  @InjectTransactionManager()
  async markMemberRead(
    conversationId: string,
    memberId: string,
    upToMessageId?: string | null,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<{ previous_read_at: Date | null; was_unread: boolean }> {
    const manager = ctx.transactionManager!
    const state = memberUnreadSql(conversationId, memberId)
    const [before] = await manager.execute(state.sql, state.bindings)
    await manager.execute(
      `insert into affiliate_member_read_state (id, conversation_id, member_id, last_read_at, created_at, updated_at)
       values (?, ?, ?, coalesce((select created_at from affiliate_message where id = ? and conversation_id = ?),
                                 clock_timestamp()), now(), now())
       on conflict (conversation_id, member_id) where deleted_at is null
       do update set last_read_at = greatest(affiliate_member_read_state.last_read_at, excluded.last_read_at),
                     updated_at = now()`,
      [generateEntityId(undefined, "mrs"), conversationId, memberId, upToMessageId ?? null, conversationId]
    )
    return { previous_read_at: before?.last_read_at ?? null, was_unread: !!before?.unread }
  }

  /** The member's read mark on a conversation, if it ever read it. */
  @InjectManager()
  async memberReadMark(
    conversationId: string,
    memberId: string,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<Date | null> {
    const state = memberUnreadSql(conversationId, memberId)
    const [row] = await ctx.manager!.execute(state.sql, state.bindings)
    return row?.last_read_at ?? null
  }

  @InjectManager()
  async isUnreadForMember(
    conversationId: string,
    memberId: string,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<boolean> {
    const state = memberUnreadSql(conversationId, memberId)
    const [row] = await ctx.manager!.execute(state.sql, state.bindings)
    return !!row?.unread
  }

  @InjectTransactionManager()
  async restoreMemberReadState(
    conversationId: string,
    memberId: string,
    previousReadAt: Date | null,
    @MedusaContext() ctx: Ctx = {}
  ) {
    const manager = ctx.transactionManager!
    if (previousReadAt) {
      await manager.execute(
        `update affiliate_member_read_state set last_read_at = ? where conversation_id = ? and member_id = ?`,
        [previousReadAt, conversationId, memberId]
      )
    } else {
      await manager.execute(
        `delete from affiliate_member_read_state where conversation_id = ? and member_id = ?`,
        [conversationId, memberId]
      )
    }
  }

  /**
   * Mirrors an affiliate's current facts onto its conversations; returns
   * what they held before, null when they already matched.
   */
  @InjectTransactionManager()
  async syncAffiliateFields(
    affiliateId: string,
    fields: ConversationAffiliateFields,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<ConversationAffiliateFields | null> {
    return await mirrorOnConversations(ctx.transactionManager!, "affiliate_id", affiliateId, AFFILIATE_MIRROR, fields)
  }

  /**
   * Mirrors a member's name and email onto its member thread; returns what
   * it held before, null when it already matched (or there is no thread).
   */
  @InjectTransactionManager()
  async syncMemberFields(
    memberId: string,
    fields: ConversationMemberFields,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<ConversationMemberFields | null> {
    return await mirrorOnConversations(ctx.transactionManager!, "member_id", memberId, MEMBER_MIRROR, fields)
  }

  /**
   * Members whose thread mirrors nothing of them yet (written before the
   * member columns existed), in id order after `after`.
   */
  @InjectManager()
  async listUnmirroredMemberIds(
    page: { after: string; limit: number },
    @MedusaContext() ctx: Ctx = {}
  ): Promise<string[]> {
    const rows: { member_id: string }[] = await ctx.manager!.execute(
      `select member_id from affiliate_conversation
        where member_id > ? and member_email is null and deleted_at is null
        order by member_id limit ?`,
      [page.after, page.limit]
    )
    return rows.map((row) => row.member_id)
  }

  @InjectManager()
  async listInbox(query: InboxQuery, @MedusaContext() ctx: Ctx = {}) {
    const manager = ctx.manager!
    const { sql, bindings } = inboxSql(query, query.q ? await this.commonTrigrams(manager) : undefined)
    const rows: (ConversationListItem & { total_count: string; total_unread_count: string })[] =
      await manager.execute(sql, bindings)
    return {
      conversations: rows.filter((row) => row.id !== null).map(({ total_count, total_unread_count, ...row }) => row),
      count: Number(rows[0].total_count),
      unread_count: Number(rows[0].total_unread_count),
    }
  }

  /** For search: the statistics make it faster, never different, so a failure to read them is not the inbox's. */
  protected commonTrigrams(manager: EntityManager): Promise<CommonTrigrams> {
    const cache = this.commonTrigrams_
    const now = Date.now()
    if (!cache.value || now - cache.readAt > COMMON_TRIGRAMS_TTL_MS) {
      cache.readAt = now
      cache.value = manager.execute(COMMON_TRIGRAMS_SQL).then(commonTrigramsFromRows, () => NO_COMMON_TRIGRAMS)
    }
    return cache.value
  }

  /**
   * Folds the inbox tally's deltas into one row per key: the tally stays a
   * few hundred rows however many messages were sent since.
   */
  @InjectTransactionManager()
  async compactInboxTally(@MedusaContext() ctx: Ctx = {}) {
    await ctx.transactionManager!.execute(`select affiliate_inbox_tally_compact()`)
  }

  /**
   * Decides, for each email, whether it goes out or is held for its
   * bucket's digest: the first `cap` emails of a bucket and period go out.
   * A transaction-scoped advisory lock per bucket and period serialises the
   * count and the insert across processes, so the cap is exact under any
   * concurrency; an email claimed before (a retried job) keeps its
   * decision (and its period). Returns the held keys with their period.
   */
  @InjectTransactionManager()
  async claimNotificationSlots(
    claims: NotificationClaimInput[],
    cap: number,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<Map<string, Date>> {
    const manager = ctx.transactionManager!
    const held = new Map<string, Date>()
    const slot = (claim: NotificationClaimInput) => `${claim.bucket}@${claim.period_start.toISOString()}`
    // one lock order for every caller: no deadlock between batches
    for (const claim of [...claims].sort((a, b) => slot(a).localeCompare(slot(b)))) {
      await manager.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`affmsg-cap:${slot(claim)}`])
      const [earlier] = await manager.execute(
        `select held, period_start from affiliate_notification_claim where key = ? and deleted_at is null`,
        [claim.key]
      )
      let isHeld: boolean = earlier?.held
      if (!earlier) {
        const [{ sent }] = await manager.execute(
          `select count(*)::int as sent from affiliate_notification_claim
            where bucket = ? and period_start = ? and not held and deleted_at is null`,
          [claim.bucket, claim.period_start]
        )
        isHeld = sent >= cap
        await manager.execute(
          `insert into affiliate_notification_claim
             (id, key, bucket, period_start, recipient_key, conversation_id, message_ids, held)
           values (?, ?, ?, ?, ?, ?, array(select jsonb_array_elements_text(?::jsonb)), ?)`,
          [
            generateEntityId(undefined, "ncl"),
            claim.key,
            claim.bucket,
            claim.period_start,
            claim.recipient_key,
            claim.conversation_id,
            // knex spreads an array binding into a list
            JSON.stringify(claim.message_ids),
            isHeld,
          ]
        )
        if (!sent) {
          // a bucket's first email of a period also clears its rows of last week
          await manager.execute(
            `delete from affiliate_notification_claim where bucket = ? and period_start < ?::timestamptz - interval '7 days'`,
            [claim.bucket, claim.period_start]
          )
        }
      }
      if (isHeld) {
        held.set(claim.key, earlier ? new Date(earlier.period_start) : claim.period_start)
      }
    }
    return held
  }

  /** The emails held for one recipient's digest of a bucket and period. */
  @InjectManager()
  async listHeldNotifications(
    bucket: string,
    periodStart: Date,
    recipientKey: string,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<HeldNotification[]> {
    return ctx.manager!.execute(
      `select conversation_id, message_ids from affiliate_notification_claim
        where bucket = ? and period_start = ? and recipient_key = ? and held and deleted_at is null
        order by created_at, id`,
      [bucket, periodStart, recipientKey]
    )
  }

  @InjectManager()
  async listMemberConversations(
    query: MemberConversationQuery,
    @MedusaContext() ctx: Ctx = {}
  ) {
    const manager = ctx.manager!
    const { rows: rowsSql, count: countSql } = memberConversationsSql(query)
    const [rows, [{ count }]] = await Promise.all([
      manager.execute(rowsSql.sql, rowsSql.bindings),
      manager.execute(countSql.sql, countSql.bindings),
    ])
    return {
      conversations: rows as ConversationListItem[],
      count: Number(count),
    }
  }

  /**
   * What a member's Messages tab and badge need, in one round trip: the
   * global settings, and the conversations (not messages) with owner
   * messages the member has not read.
   */
  @InjectManager()
  async retrieveMemberMessagingStatus(
    affiliateId: string,
    memberId: string,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<{ settings: MessagingSettingsDTO; unread_count: number }> {
    const { count } = memberConversationsSql({
      affiliate_id: affiliateId,
      member_id: memberId,
      unread: true,
      limit: 0,
      offset: 0,
    })
    // no settings row yet: a row of nulls with the count
    const [row]: { enabled: boolean | null; notification_emails: string[] | null; unread_count: string }[] =
      await ctx.manager!.execute(
        `select s.enabled, s.notification_emails, (${count.sql}) as unread_count
           from (select 1) one
           left join affiliate_messaging_setting s on s.scope = 'global' and s.deleted_at is null`,
        count.bindings
      )
    const settings =
      row.enabled === null ? await this.createDefaultSettings_() : settingsOf(row as SettingsRow)
    return { settings, unread_count: Number(row.unread_count) }
  }

  /**
   * A page of a thread, oldest first: after a cursor, before a cursor, at an
   * offset, or (none of these) the latest messages, each with its
   * attachments; `offset` is the position of the first message returned.
   * Also the thread's audience (null when there is no such conversation),
   * so the caller checks who may see it without another query, and whether
   * the cursor belongs to the thread.
   */
  @InjectManager()
  async listThreadPage(query: ThreadPageQuery, @MedusaContext() ctx: Ctx = {}): Promise<ThreadPage> {
    const manager = ctx.manager!
    const page = threadPageSql(query)
    const [row]: ThreadPageRow[] = await manager.execute(page.sql, page.bindings)
    if (!row) {
      return { thread: null, cursor_found: false, messages: [], count: 0, offset: 0 }
    }
    const thread = { affiliate_id: row.thread_affiliate_id, member_id: row.thread_member_id }
    if (!row.cursor_found) {
      return { thread, cursor_found: false, messages: [], count: 0, offset: 0 }
    }
    const { messages } = row
    if (page.isLatest) {
      const count = Number(row.thread_total)
      return { thread, cursor_found: true, messages, count, offset: count - messages.length }
    }
    const position = positionSql(query.conversation_id, messages[0]?.id)
    const [{ count, offset }] = await manager.execute(position.sql, position.bindings)
    return { thread, cursor_found: true, messages, count: Number(count), offset: Number(offset) }
  }

  /**
   * One conversation by id, or null: a plain indexed select, as every
   * thread route reads one before its page (the ORM's find costs more CPU
   * than the page itself).
   */
  @InjectManager()
  async findConversation(id: string, @MedusaContext() ctx: Ctx = {}): Promise<ConversationDTO | null> {
    const [row] = await ctx.manager!.execute(
      `select * from affiliate_conversation where id = ? and deleted_at is null`,
      [id]
    )
    return (row as ConversationDTO) ?? null
  }

  /** The attachments of sent messages, in upload order (thread pages read theirs with the page). */
  @InjectManager()
  async listAttachmentsOfMessages(
    messageIds: string[],
    @MedusaContext() ctx: Ctx = {}
  ): Promise<MessageAttachmentDTO[]> {
    if (!messageIds.length) {
      return []
    }
    return await ctx.manager!.execute(
      `select id, message_id, file_id, filename, mime_type, size, uploader_type, uploader_id, created_at
         from affiliate_message_attachment
        where message_id in (${placeholders(messageIds)}) and deleted_at is null
        order by created_at asc, id asc`,
      messageIds
    )
  }

  /**
   * The global settings. Read on every badge request, so the common case is
   * one select; the row is created from the plugin options on first use.
   */
  @InjectManager()
  async retrieveSettings(@MedusaContext() ctx: Ctx = {}): Promise<MessagingSettingsDTO> {
    return (await readSettings(ctx.manager!)) ?? (await this.createDefaultSettings_())
  }

  @InjectTransactionManager()
  protected async createDefaultSettings_(@MedusaContext() ctx: Ctx = {}): Promise<MessagingSettingsDTO> {
    const manager = ctx.transactionManager!
    await manager.execute(
      `insert into affiliate_messaging_setting (id, scope, enabled, notification_emails, created_at, updated_at)
       values (?, 'global', ?, '{}', now(), now())
       on conflict (scope) where deleted_at is null do nothing`,
      [generateEntityId(undefined, "msgset"), this.options_.messagingEnabledByDefault]
    )
    return (await readSettings(manager))!
  }

  @InjectTransactionManager()
  async updateSettings(
    update: Partial<MessagingSettingsDTO>,
    @MedusaContext() ctx: Ctx = {}
  ): Promise<{ previous: MessagingSettingsDTO; current: MessagingSettingsDTO }> {
    const previous = (await readSettings(ctx.transactionManager!)) ?? (await this.createDefaultSettings_(ctx))
    const [row] = await this.listMessagingSettings({ scope: "global" }, { select: ["id"] }, ctx)
    await this.updateMessagingSettings({ id: row.id, ...update }, ctx)
    return { previous, current: { ...previous, ...update } }
  }
}

async function readSettings(manager: EntityManager): Promise<MessagingSettingsDTO | null> {
  const [row]: SettingsRow[] = await manager.execute(
    `select enabled, notification_emails from affiliate_messaging_setting
      where scope = 'global' and deleted_at is null`
  )
  return row ? settingsOf(row) : null
}

type SettingsRow = { enabled: boolean; notification_emails: string[] | null }

function settingsOf(row: SettingsRow): MessagingSettingsDTO {
  return { enabled: row.enabled, notification_emails: row.notification_emails ?? [] }
}

const AFFILIATE_MIRROR = [
  "affiliate_name",
  "affiliate_email",
  "affiliate_status",
  "affiliate_group_id",
  "affiliate_manager_id",
] as const satisfies readonly (keyof ConversationAffiliateFields)[]
const MEMBER_MIRROR = [
  "member_first_name",
  "member_last_name",
  "member_email",
] as const satisfies readonly (keyof ConversationMemberFields)[]
const COMMON_TRIGRAMS_TTL_MS = 60_000

const NO_MEMBER: ConversationMemberFields = { member_first_name: null, member_last_name: null, member_email: null }

function mirrorValues<Fields>(columns: readonly (keyof Fields)[], fields: Fields) {
  return columns.map((column) => fields[column])
}

/**
 * Sets the mirrored `columns` of every conversation whose `key` is `id`.
 * Rows that already match are left alone, so repeating it costs one index
 * lookup. Returns the values replaced (the rows of one key mirror the same
 * facts), null when nothing changed.
 */
async function mirrorOnConversations<Fields>(
  manager: EntityManager,
  key: "affiliate_id" | "member_id",
  id: string,
  columns: readonly (keyof Fields & string)[],
  fields: Fields
): Promise<Fields | null> {
  const values = mirrorValues(columns, fields)
  const [previous] = await manager.execute(
    `with previous as (
       select id, ${columns.join(", ")} from affiliate_conversation
        where ${key} = ? and (${columns.join(", ")}) is distinct from (${placeholders(values)})
        for update)
     update affiliate_conversation c set ${columns.map((column) => `${column} = ?`).join(", ")}, updated_at = now()
       from previous where c.id = previous.id
     returning ${columns.map((column) => `previous.${column}`).join(", ")}`,
    [id, ...values, ...values]
  )
  return (previous as Fields | undefined) ?? null
}

export default MessagingModuleService
