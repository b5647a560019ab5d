import type { EntityManager, Knex } from "@medusajs/framework/mikro-orm/knex"
import type { Context } from "@medusajs/framework/types"
import type { ConversationListItem, MessagingSettingsDTO } from "../../../types/messaging"
import type { ConversationList, InboxQuery, MemberConversationQuery } from "../../../types/messaging-module"
import { SqlRepository, live, onLive } from "../../../utils/repository-sql"
import type { SearchRepository } from "./search"
import { BY_ACTIVITY, conversationListColumns, joinMemberReadState, memberUnread } from "./sql/conversation-list"
import { CommonTrigrams, NO_COMMON_TRIGRAMS } from "./sql/search-probes"
import { settingsOf } from "./sql/settings-row"
import type { TallyRepository } from "./tally"

/** A page of the owners' inbox with its counts; the page's columns are null when it is empty. */
type InboxRow = { [Column in keyof ConversationListItem]: ConversationListItem[Column] | null } & {
  total_count: string
  total_unread_count: string
}

type MemberBadgeRow = { enabled: boolean | null; notification_emails: string[] | null; unread_count: string }

/**
 * The conversation lists: the owners' shared inbox (filters, search, counts)
 * and a member's list and badge. They must stay index-backed at program
 * scale (see the plan assertions in `__tests__`).
 */
export class InboxRepository extends SqlRepository {
  protected readonly search_: SearchRepository
  protected readonly tally_: TallyRepository

  constructor(dependencies: { manager: EntityManager; searchRepository: SearchRepository; tallyRepository: TallyRepository }) {
    super(dependencies)
    this.search_ = dependencies.searchRepository
    this.tally_ = dependencies.tallyRepository
  }

  async listInbox(query: InboxQuery, ctx: Context): Promise<ConversationList & { unread_count: number }> {
    const common = query.q ? await this.search_.commonTrigrams(ctx) : NO_COMMON_TRIGRAMS
    const rows = await this.rows<InboxRow>(ctx, this.inboxStatement(this.knex(ctx), query, common))
    return {
      conversations: rows.filter((row): row is InboxRow & ConversationListItem => row.id !== null).map(listItemOf),
      count: Number(rows[0].total_count),
      unread_count: Number(rows[0].total_unread_count),
    }
  }

  /**
   * One round trip: the counts always come back (one row), with the page's
   * rows when there are any. `common`: the searched columns' common
   * trigrams (decision 0001).
   */
  inboxStatement(knex: Knex, query: InboxQuery, common: CommonTrigrams = NO_COMMON_TRIGRAMS): Knex.QueryBuilder {
    const inInbox = () => live(knex, "affiliate_conversation", "c").whereNotNull("c.last_message_at")
    const unreadTotal = this.tally_.sumStatement(knex, "total_unread_count", (rows) => rows.where("c.owner_unread", true))
    const page = (conversations: Knex.QueryBuilder) =>
      conversations
        .select(conversationListColumns(knex), "c.owner_unread as unread")
        .orderBy([...BY_ACTIVITY])

    if (query.q) {
      // the hits are looked up once, for the count and the page alike (each
      // looking them up again was half of a search's time at 1,000 hits);
      // as an array looked up by primary key: `in (subquery)` lets the
      // planner hash-join it against a scan of every conversation
      const matched = inboxFilters(inInbox(), query)
        .select("c.id", "c.last_message_at")
        .whereRaw("c.id = any((select ids from hits)::text[])")
      const pageIds = knex
        .select("id")
        .from("matched")
        .orderBy([{ column: "last_message_at", order: "desc" }, { column: "id", order: "desc" }])
        .limit(query.limit)
        .offset(query.offset)
      return withPage(
        knex,
        knex.select(knex.from("matched").count("*").as("total_count"), unreadTotal),
        page(knex.from(pageIds.as("m")).join({ c: "affiliate_conversation" }, "c.id", "m.id"))
      )
        .with("hits", this.search_.hitsStatement(knex, query.q, common))
        .withMaterialized("matched", matched)
    }
    // by affiliate or member the rows counted are few; otherwise a count
    // would read every matching conversation, the tally a few rows
    const total = countsFromTally(query)
      ? this.tally_.sumStatement(knex, "total_count", (rows) => inboxFilters(rows, query))
      : inboxFilters(inInbox(), query).count("*").as("total_count")
    return withPage(
      knex,
      knex.select(total, unreadTotal),
      page(inboxFilters(inInbox(), query)).limit(query.limit).offset(query.offset)
    )
  }

  /** A member sees its team's thread and its own member thread, nothing else. */
  async listMemberConversations(query: MemberConversationQuery, ctx: Context): Promise<ConversationList> {
    const knex = this.knex(ctx)
    const visible = () => this.memberConversations(knex, query)
    const [rows, counted] = await Promise.all([
      this.preparedRows<ConversationListItem>(
        ctx,
        "member_conversations",
        visible()
          .select(conversationListColumns(knex), knex.raw("? as unread", [memberUnread(knex)]))
          .orderBy([...BY_ACTIVITY])
          .limit(query.limit)
          .offset(query.offset)
      ),
      this.preparedFirst<{ count: string }>(ctx, "member_conversation_count", visible().count("* as count")),
    ])
    return { conversations: rows, count: Number(counted!.count) }
  }

  /**
   * What a member's Messages tab and badge need in one round trip: the
   * global settings (null columns before the row exists) and how many
   * conversations have owner messages it has not read.
   */
  async retrieveMemberBadge(
    member: { affiliate_id: string; member_id: string },
    ctx: Context
  ): Promise<{ settings: MessagingSettingsDTO | null; unread_count: number }> {
    const knex = this.knex(ctx)
    const unread = this.memberConversations(knex, { ...member, unread: true }).count("*").as("unread_count")
    const row = await this.preparedFirst<MemberBadgeRow>(
      ctx,
      "member_badge",
      knex
        .select("s.enabled", "s.notification_emails", unread)
        .from(knex.raw("(select 1) as one"))
        .leftJoin({ s: "affiliate_messaging_setting" }, (join) => {
          join.onVal("s.scope", "global")
          onLive(join, "s")
        })
    )
    const { enabled, notification_emails, unread_count } = row!
    return {
      settings: enabled === null ? null : settingsOf({ enabled, notification_emails }),
      unread_count: Number(unread_count),
    }
  }

  protected memberConversations(
    knex: Knex,
    query: Pick<MemberConversationQuery, "affiliate_id" | "member_id" | "unread">
  ): Knex.QueryBuilder {
    const conversations = joinMemberReadState(live(knex, "affiliate_conversation", "c"), query.member_id)
      .whereNotNull("c.last_message_at")
      .where("c.affiliate_id", query.affiliate_id)
      .where((audience) => audience.whereNull("c.member_id").orWhere("c.member_id", query.member_id))
    if (query.unread !== undefined) {
      conversations.where(query.unread ? memberUnread(knex) : knex.raw("not ?", [memberUnread(knex)]))
    }
    return conversations
  }
}

/** The one row of `totals` with the rows of `page` (none when it is empty: a row of nulls). */
function withPage(knex: Knex, totals: Knex.QueryBuilder, page: Knex.QueryBuilder): Knex.QueryBuilder {
  return knex.select("page.*", "totals.*").from(knex.raw("? as totals left join lateral ? as page on true", [totals, page]))
}

/**
 * Whether the inbox's tally (kept by group, manager, status and unread)
 * can give the count.
 */
function countsFromTally(query: InboxQuery) {
  return !query.affiliate_id?.length && !query.member_id?.length && !query.broadcast_id?.length
}

/** The inbox filters over `c`, a conversation or a tally row. */
function inboxFilters(rows: Knex.QueryBuilder, query: InboxQuery): Knex.QueryBuilder {
  if (query.unread !== undefined) {
    rows.where("c.owner_unread", query.unread)
  }
  const inList = (column: string, values?: string[]) => {
    if (values?.length) {
      rows.whereIn(column, values)
    }
  }
  inList("c.affiliate_group_id", query.group_id)
  inList("c.affiliate_manager_id", query.manager_id)
  inList("c.affiliate_status", query.affiliate_status)
  inList("c.affiliate_id", query.affiliate_id)
  inList("c.member_id", query.member_id)
  if (query.broadcast_id?.length) {
    // a broadcast's threads, through its messages (IDX_message_broadcast_unique)
    rows.whereIn("c.id", (sub: Knex.QueryBuilder) => {
      sub.select("m.conversation_id").from({ m: "affiliate_message" }).whereIn("m.broadcast_id", query.broadcast_id!).whereNull("m.deleted_at")
    })
  }
  return rows
}

function listItemOf({ total_count, total_unread_count, ...item }: InboxRow & ConversationListItem): ConversationListItem {
  return item
}
