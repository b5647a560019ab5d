import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ConversationListItem } from "../../../../types/messaging"
import { onLive } from "../../../../utils/repository-sql"

/**
 * ISO 8601 text in UTC to the millisecond, as `Date#toISOString` writes it
 * (both drop the microseconds): list pages skip parsing timestamps into
 * Dates only to print them again (4–5 % of the inbox's CPU in Node).
 */
export function isoText(knex: Knex, column: string): Knex.Raw {
  return knex.raw(isoTextSql(column))
}

const isoTextSql = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

const LIST_COLUMNS = [
  "id", "affiliate_id", "member_id", "affiliate_name", "affiliate_email", "affiliate_status", "affiliate_group_id",
  "affiliate_manager_id", "member_first_name", "member_last_name", "member_email", "last_message_preview", "message_count",
] as const satisfies readonly (keyof ConversationListItem)[]

/**
 * What a conversation's list item shows (see ConversationListItem) but
 * `unread`, `c` the conversation. Fixed text with no value in it: knex
 * quoting each of its columns on every request cost more than the rest of
 * the inbox statement's building.
 */
const LIST_COLUMNS_SQL = [
  ...LIST_COLUMNS.map((column) => `c.${column}`),
  `${isoTextSql("c.last_message_at")} as last_message_at`,
  `${isoTextSql("c.created_at")} as created_at`,
].join(", ")

export function conversationListColumns(knex: Knex): Knex.Raw {
  return knex.raw(LIST_COLUMNS_SQL)
}

/** Newest activity first; the id breaks ties so pages never overlap. */
export const BY_ACTIVITY = [
  { column: "c.last_message_at", order: "desc" },
  { column: "c.id", order: "desc" },
] as const satisfies readonly { column: string; order: "desc" }[]

/**
 * Unread for a member: an owner message after its read mark (`c` the
 * conversation, `r` its read state joined by `joinMemberReadState`).
 */
export function memberUnread(knex: Knex): Knex.Raw {
  return knex.raw(`(c.last_owner_message_at is not null
    and (r.last_read_at is null or r.last_read_at < c.last_owner_message_at))`)
}

/** `r`: the member's read state on `c`, if it ever read it. */
export function joinMemberReadState(query: Knex.QueryBuilder, memberId: string): Knex.QueryBuilder {
  return query.leftJoin({ r: "affiliate_member_read_state" }, (join) => {
    join.on("r.conversation_id", "c.id").andOnVal("r.member_id", memberId)
    onLive(join, "r")
  })
}
