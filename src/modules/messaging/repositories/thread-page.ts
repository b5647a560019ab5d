import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { Context } from "@medusajs/framework/types"
import type { MessageDTO, ThreadPage } from "../../../types/messaging"
import type { ThreadPageQuery } from "../../../types/messaging-module"
import { SqlRepository, live } from "../../../utils/repository-sql"
import { isoText } from "./sql/conversation-list"

type ThreadPageRow = {
  thread_affiliate_id: string
  thread_member_id: string | null
  thread_total: number
  cursor_found: boolean
  messages: ThreadPage["messages"]
}

type PositionRow = { count: string; offset: string }

/** The conversation page of a thread: a window of its messages, oldest first, with their attachments. */
export class ThreadPageRepository extends SqlRepository {
  /**
   * A page of a thread: after a cursor, before a cursor, at an offset, or
   * (none of these) the latest messages; `offset` is the position of the
   * first message returned. Also the thread's audience (null when there is
   * no such conversation), so the caller checks who may see it without
   * another query, and whether the cursor belongs to the thread.
   */
  async listThreadPage(query: ThreadPageQuery, ctx: Context): Promise<ThreadPage> {
    const knex = this.knex(ctx)
    const row = await this.preparedFirst<ThreadPageRow>(ctx, "thread_page", this.pageStatement(knex, query))
    if (!row) {
      return { thread: null, cursor_found: false, messages: [], count: 0, offset: 0 }
    }
    const thread = { affiliate_id: row.thread_affiliate_id, member_id: row.thread_member_id }
    if (!row.cursor_found) {
      return { thread, cursor_found: false, messages: [], count: 0, offset: 0 }
    }
    const { messages } = row
    if (isLatest(query)) {
      // the page ends at the thread's last message: its position follows
      // from the conversation's `message_count` without another query
      const count = Number(row.thread_total)
      return { thread, cursor_found: true, messages, count, offset: count - messages.length }
    }
    const position = await this.preparedFirst<PositionRow>(
      ctx,
      "thread_position",
      this.positionStatement(knex, query.conversation_id, messages[0]?.id)
    )
    return { thread, cursor_found: true, messages, count: Number(position!.count), offset: Number(position!.offset) }
  }

  /**
   * The conversation (no row when it does not exist) with one page of its
   * messages as JSON. The page is chosen first, by the thread's id as a
   * value (so the planner sees a long thread in its statistics and walks
   * the (conversation, time) index instead of sorting every message), and
   * only its rows get their attachments and formatted times.
   */
  pageStatement(knex: Knex, query: ThreadPageQuery): Knex.QueryBuilder {
    const cursorId = query.after ?? query.before
    const cursorFound = cursorId
      ? knex.raw("exists ? as cursor_found", [
          live(knex, "affiliate_message", "cursor")
            .select(knex.raw("1"))
            .where("cursor.id", cursorId)
            .where("cursor.conversation_id", knex.ref("c.id")),
        ])
      : knex.raw("true as cursor_found")
    return live(knex, "affiliate_conversation", "c")
      .select(
        "c.affiliate_id as thread_affiliate_id",
        "c.member_id as thread_member_id",
        "c.message_count as thread_total",
        cursorFound,
        knex.select(pageMessagesJson(knex)).from(pageOf(knex, query).as("p")).as("messages")
      )
      .where("c.id", query.conversation_id)
  }

  /** Total messages, and how many come before `firstId` (all of them when the page is empty). */
  positionStatement(knex: Knex, conversationId: string, firstId?: string): Knex.QueryBuilder {
    return live(knex, "affiliate_message", "m")
      .select(
        knex.raw("count(*) as count"),
        firstId
          ? knex.raw(`count(*) filter (where (m.created_at, m.id) < ?) as "offset"`, [positionOf(knex, firstId)])
          : knex.raw(`count(*) as "offset"`)
      )
      .where("m.conversation_id", conversationId)
  }
}

function isLatest(query: ThreadPageQuery) {
  return !(query.after ?? query.before) && query.offset === undefined
}

/**
 * A message's place in its thread, read in SQL: timestamps are exact to the
 * microsecond there and only to the millisecond once they are JS Dates.
 */
function positionOf(knex: Knex, messageId: string): Knex.QueryBuilder {
  return knex.select("created_at", "id").from("affiliate_message").where("id", messageId)
}

const PAGE_COLUMNS_SQL = (
  ["id", "conversation_id", "author_type", "author_id", "author_name", "body", "source", "broadcast_id", "created_at"] as const satisfies readonly (keyof MessageDTO)[]
).map((column) => `m.${column}`).join(", ")

/** The page's messages, unformatted, in the order the page is taken. */
function pageOf(knex: Knex, query: ThreadPageQuery): Knex.QueryBuilder {
  const messages = live(knex, "affiliate_message", "m")
    .select(knex.raw(PAGE_COLUMNS_SQL))
    .where("m.conversation_id", query.conversation_id)
    .limit(query.limit)
  const inOrder = (order: "asc" | "desc") =>
    messages.orderBy([{ column: "m.created_at", order }, { column: "m.id", order }])
  if (query.after) {
    return inOrder("asc").whereRaw("(m.created_at, m.id) > ?", [positionOf(knex, query.after)])
  }
  if (query.before) {
    return inOrder("desc").whereRaw("(m.created_at, m.id) < ?", [positionOf(knex, query.before)])
  }
  if (query.offset !== undefined) {
    return inOrder("asc").offset(query.offset)
  }
  return inOrder("desc")
}

/**
 * A page's messages as one JSON array, oldest first (`p` the page), each
 * with its attachments in upload order: Node parses one JSON value instead
 * of a row per message (pg's per-field parsing was about a third of a
 * page's database-client CPU).
 */
function pageMessagesJson(knex: Knex): Knex.Raw {
  const attachments = live(knex, "affiliate_message_attachment", "a")
    .select(
      knex.raw(`coalesce(json_agg(json_build_object('id', a.id, 'filename', a.filename, 'mime_type', a.mime_type, 'size', a.size)
                                  order by a.created_at, a.id), '[]'::json)`)
    )
    .where("a.message_id", knex.ref("p.id"))
  return knex.raw(
    `coalesce(json_agg(json_build_object(
       'id', p.id, 'conversation_id', p.conversation_id, 'author_type', p.author_type, 'author_id', p.author_id,
       'author_name', p.author_name, 'body', p.body, 'source', p.source, 'broadcast_id', p.broadcast_id,
       'created_at', ?, 'attachments', ?)
     order by p.created_at, p.id), '[]'::json)`,
    [isoText(knex, "p.created_at"), attachments]
  )
}
