import type { AffiliateStatus } from "../../types/affiliate"
import { placeholders } from "../../utils/sql-placeholders"
import { CommonTrigrams, NO_COMMON_TRIGRAMS, rareProbes } from "./search-probes"

/**
 * SQL of the read paths that must stay index-backed at program scale: the
 * shared inbox, an affiliate member's list and thread pages. Built here as
 * text with bindings; every value goes through a binding.
 */
type Sql = { sql: string; bindings: unknown[] }

/** Trigram indexes only help from three characters on. */
export const MIN_MESSAGE_SEARCH_LENGTH = 3

export type InboxQuery = {
  unread?: boolean
  group_id?: string[]
  manager_id?: string[]
  affiliate_status?: AffiliateStatus[]
  affiliate_id?: string[]
  member_id?: string[]
  q?: string
  limit: number
  offset: number
}

export type MemberConversationQuery = {
  affiliate_id: string
  member_id: string
  unread?: boolean
  limit: number
  offset: number
}

export type ThreadPageQuery = {
  conversation_id: string
  limit: number
  offset?: number
  before?: string
  after?: string
}

/**
 * ISO 8601 text in UTC to the millisecond, as `Date#toISOString` writes it
 * (both drop the microseconds): list pages skip parsing timestamps into
 * Dates only to print them again (4–5 % of the inbox's CPU in Node).
 */
const isoText = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/** What a conversation's view shows (see ConversationListItem), `c` the conversation. */
const CONVERSATION_LIST_COLUMNS = `c.id, c.affiliate_id, c.member_id, c.affiliate_name, c.affiliate_email,
  c.affiliate_status, c.affiliate_group_id, c.affiliate_manager_id, c.member_first_name, c.member_last_name,
  c.member_email, c.last_message_preview, c.message_count,
  ${isoText("c.last_message_at")} as last_message_at, ${isoText("c.created_at")} as created_at`

function likePattern(q: string) {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/**
 * Whether the inbox's tally (see its migration, kept by group, manager,
 * status and unread) can give the count.
 */
function countsFromTally(query: InboxQuery) {
  return !query.affiliate_id?.length && !query.member_id?.length
}

/** The inbox filters as a where clause over `c`, a conversation or a tally row. */
function inboxFilters(query: InboxQuery) {
  const where: string[] = []
  const bindings: unknown[] = []
  const inList = (column: string, values?: string[]) => {
    if (values?.length) {
      where.push(`c.${column} in (${placeholders(values)})`)
      bindings.push(...values)
    }
  }
  if (query.unread !== undefined) {
    where.push(`c.owner_unread = ?`)
    bindings.push(query.unread)
  }
  inList("affiliate_group_id", query.group_id)
  inList("affiliate_manager_id", query.manager_id)
  inList("affiliate_status", query.affiliate_status)
  inList("affiliate_id", query.affiliate_id)
  inList("member_id", query.member_id)
  return { where, bindings }
}

function tallySum(alias: string, where: string[]) {
  return `(select coalesce(sum(c.n), 0) from affiliate_inbox_tally c${where.length ? ` where ${where.join(" and ")}` : ""}) as ${alias}`
}

/** `common`: the searched columns' common trigrams, for search (see `search-probes.ts`). */
export function inboxSql(query: InboxQuery, common: CommonTrigrams = NO_COMMON_TRIGRAMS): Sql {
  const filters = inboxFilters(query)
  const where = ["c.deleted_at is null", "c.last_message_at is not null", ...filters.where]
  const bindings = filters.bindings
  const unreadTotal = tallySum("total_unread_count", ["c.owner_unread"])
  if (query.q) {
    const hits = searchHits(query.q, common)
    // an array of the hits, looked up by primary key: `in (subquery)` lets the
    // planner hash-join it against a scan of every conversation
    where.push(`c.id = any((select ids from hits)::text[])`)
    // the hits are looked up once, for the count and the page alike (each
    // looking them up again was half of a search's time at 1,000 hits)
    return {
      sql: `with hits as (${hits.sql}),
              matched as materialized (
                select c.id, c.last_message_at from affiliate_conversation c where ${where.join(" and ")})
            select page.*, totals.*
              from (select (select count(*) from matched) as total_count, ${unreadTotal}) totals
              left join lateral (select ${CONVERSATION_LIST_COLUMNS}, c.owner_unread as unread
                                   from (select id from matched order by last_message_at desc, id desc limit ? offset ?) m
                                   join affiliate_conversation c on c.id = m.id
                                  order by c.last_message_at desc, c.id desc) page on true`,
      bindings: [...hits.bindings, ...bindings, query.limit, query.offset],
    }
  }
  const filter = `from affiliate_conversation c where ${where.join(" and ")}`
  // by affiliate or member the rows counted are few; otherwise a count
  // would read every matching conversation, the tally a few rows
  const total = countsFromTally(query)
    ? { sql: tallySum("total_count", filters.where), bindings }
    : { sql: `(select count(*) ${filter}) as total_count`, bindings }
  // one round trip: the counts always come back, the page's columns are
  // null when it is empty
  return {
    sql: `select page.*, totals.*
            from (select ${total.sql}, ${unreadTotal}) totals
            left join lateral (select ${CONVERSATION_LIST_COLUMNS}, c.owner_unread as unread ${filter}
                                order by c.last_message_at desc, c.id desc limit ? offset ?) page on true`,
    bindings: [...total.bindings, ...bindings, query.limit, query.offset],
  }
}

/** Ids of the conversations `q` finds (affiliate name or email, message text) as one array, `ids`. */
function searchHits(q: string, common: CommonTrigrams): Sql {
  // each side of the union can use its own trigram index; `search_key` is
  // the name and email lowercased, joined by a line break (see its
  // migration): names and emails are one line, so a `q` with a line break
  // can only be message text
  const sources: Sql[] = []
  if (!q.includes("\n")) {
    sources.push(matching({
      select: "id", from: "affiliate_conversation", column: "search_key", operator: "like",
      q, probes: rareProbes(q, common.conversation), value: "lower(?)",
    }))
  }
  if (q.length >= MIN_MESSAGE_SEARCH_LENGTH) {
    sources.push(matching({
      select: "conversation_id", from: "affiliate_message", column: "body", operator: "ilike",
      q, probes: rareProbes(q, common.message), value: "?",
    }))
  }
  if (!sources.length) {
    // only a short `q` with a line break: it can match nothing
    return { sql: `select '{}'::text[] as ids`, bindings: [] }
  }
  return {
    sql: `select array(${sources.map((source) => source.sql).join(" union ")}) as ids`,
    bindings: sources.flatMap((source) => source.bindings),
  }
}

/**
 * Rows of `from` whose `column` contains `q`. With probes, the index is
 * asked for them alone and `q` is checked on what it finds: `offset 0`
 * keeps the planner from handing that check to the index too.
 */
function matching(side: {
  select: string
  from: string
  column: string
  operator: "like" | "ilike"
  q: string
  probes: string[] | null
  value: string
}): Sql {
  const { select, from, column, operator, value } = side
  const contains = `${column} ${operator} ${value}`
  if (!side.probes) {
    return {
      sql: `select ${select} from ${from} where deleted_at is null and ${contains}`,
      bindings: [likePattern(side.q)],
    }
  }
  return {
    sql: `select ${select} from (select ${select}, ${column} from ${from}
            where deleted_at is null and ${side.probes.map(() => contains).join(" and ")} offset 0) found
          where ${contains}`,
    bindings: [...side.probes.map(likePattern), likePattern(side.q)],
  }
}

/** Unread for a member: an owner message after its read mark (`c` the conversation, `r` its read state). */
export const MEMBER_UNREAD = `(c.last_owner_message_at is not null
  and (r.last_read_at is null or r.last_read_at < c.last_owner_message_at))`

const MEMBER_READ_STATE_JOIN = `left join affiliate_member_read_state r
      on r.conversation_id = c.id and r.member_id = ? and r.deleted_at is null`

/** Whether one conversation is unread for one member. */
export function memberUnreadSql(conversationId: string, memberId: string): Sql {
  return {
    sql: `select ${MEMBER_UNREAD} as unread, r.last_read_at
            from affiliate_conversation c ${MEMBER_READ_STATE_JOIN} where c.id = ?`,
    bindings: [memberId, conversationId],
  }
}

/** A member sees its team's thread and its own member thread, nothing else. */
export function memberConversationsSql(query: MemberConversationQuery) {
  const unread = MEMBER_UNREAD
  const where = [
    "c.deleted_at is null",
    "c.last_message_at is not null",
    "c.affiliate_id = ?",
    "(c.member_id is null or c.member_id = ?)",
  ]
  if (query.unread !== undefined) {
    where.push(query.unread ? unread : `not ${unread}`)
  }
  const filter = `from affiliate_conversation c ${MEMBER_READ_STATE_JOIN}
    where ${where.join(" and ")}`
  const bindings = [query.member_id, query.affiliate_id, query.member_id]
  return {
    rows: {
      sql: `select ${CONVERSATION_LIST_COLUMNS}, ${unread} as unread ${filter}
            order by c.last_message_at desc, c.id desc limit ? offset ?`,
      bindings: [...bindings, query.limit, query.offset],
    } as Sql,
    count: { sql: `select count(*) as count ${filter}`, bindings } as Sql,
  }
}

/**
 * A page's messages as one JSON array, oldest first (`p` the page), each
 * with its attachments in upload order: Node parses one JSON value instead
 * of a row per message (pg's per-field parsing was about a third of a
 * page's database-client CPU).
 */
const PAGE_MESSAGES_JSON = `coalesce(json_agg(json_build_object(
    'id', p.id, 'conversation_id', p.conversation_id, 'author_type', p.author_type, 'author_id', p.author_id,
    'author_name', p.author_name, 'body', p.body, 'source', p.source, 'broadcast_id', p.broadcast_id,
    'created_at', ${isoText("p.created_at")},
    'attachments', (select coalesce(json_agg(json_build_object('id', a.id, 'filename', a.filename, 'mime_type', a.mime_type, 'size', a.size)
                                             order by a.created_at, a.id), '[]'::json)
                      from affiliate_message_attachment a where a.message_id = p.id and a.deleted_at is null))
    order by p.created_at, p.id), '[]'::json)`

/**
 * A message's place in its thread, read in SQL: timestamps are exact to the
 * microsecond there and only to the millisecond once they are JS Dates.
 */
const POSITION_OF = "select created_at, id from affiliate_message where id = ?"

/**
 * The conversation (no row when it does not exist) with one page of its
 * messages, oldest first (`messages`, JSON). `cursor_found` says whether
 * the cursor is a message of this thread.
 * `isLatest`: the page ends at the thread's last message, so its position
 * follows from the conversation's `message_count` without another query.
 *
 * The page is chosen first, by the thread's id as a value (so the planner
 * sees a long thread in its statistics and walks the (conversation, time)
 * index instead of sorting every message), and only its rows get their
 * attachments and formatted times.
 */
export function threadPageSql(query: ThreadPageQuery): Sql & { isLatest: boolean } {
  const messages = `select m.id, m.conversation_id, m.author_type, m.author_id, m.author_name, m.body, m.source, m.broadcast_id,
         m.created_at
    from affiliate_message m where m.conversation_id = ? and m.deleted_at is null`
  const cursorId = query.after ?? query.before
  let page: Sql
  if (query.after) {
    page = {
      sql: `${messages} and (m.created_at, m.id) > (${POSITION_OF}) order by m.created_at asc, m.id asc limit ?`,
      bindings: [query.after, query.limit],
    }
  } else if (query.before) {
    page = {
      sql: `${messages} and (m.created_at, m.id) < (${POSITION_OF}) order by m.created_at desc, m.id desc limit ?`,
      bindings: [query.before, query.limit],
    }
  } else if (query.offset !== undefined) {
    page = {
      sql: `${messages} order by m.created_at asc, m.id asc limit ? offset ?`,
      bindings: [query.limit, query.offset],
    }
  } else {
    page = {
      sql: `${messages} order by m.created_at desc, m.id desc limit ?`,
      bindings: [query.limit],
    }
  }
  const cursorFound = cursorId
    ? `exists (select 1 from affiliate_message where id = ? and conversation_id = c.id and deleted_at is null)`
    : "true"
  return {
    sql: `select c.affiliate_id as thread_affiliate_id, c.member_id as thread_member_id,
                 c.message_count as thread_total, ${cursorFound} as cursor_found,
                 (select ${PAGE_MESSAGES_JSON} from (${page.sql}) p) as messages
            from affiliate_conversation c
           where c.id = ? and c.deleted_at is null`,
    bindings: [
      ...(cursorId ? [cursorId] : []),
      query.conversation_id,
      ...page.bindings,
      query.conversation_id,
    ],
    isLatest: !cursorId && query.offset === undefined,
  }
}

/** Total messages, and how many come before `first` (all of them when the page is empty). */
export function positionSql(conversationId: string, firstId?: string): Sql {
  const before = firstId ? `count(*) filter (where (created_at, id) < (${POSITION_OF}))` : `count(*)`
  return {
    sql: `select count(*) as count, ${before} as offset
            from affiliate_message where conversation_id = ? and deleted_at is null`,
    bindings: firstId ? [firstId, conversationId] : [conversationId],
  }
}
