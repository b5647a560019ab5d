import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { Context } from "@medusajs/framework/types"
import {
  AppendMessageInput,
  ConversationAffiliateFields,
  ConversationAudience,
  ConversationDTO,
  ConversationMemberFields,
  MESSAGE_PREVIEW_LENGTH,
  MessageDTO,
} from "../../../types/messaging"
import type { AppendedMessage, AppendedMessageRef, NotifiedMessagesFilter } from "../../../types/messaging-module"
import { SqlRepository, bound, insertFrom, live } from "../../../utils/repository-sql"
import { entityId } from "../../../utils/entity-ids"
import { liveThread } from "./sql/live-thread"

const MESSAGE_COLUMNS = [
  "id", "conversation_id", "author_type", "author_id", "author_name", "body", "source", "broadcast_id", "created_at",
] as const satisfies readonly (keyof MessageDTO)[]

/**
 * A thread's writes: one conversation per audience, and its messages with
 * the counters and previews the conversation keeps of them. Writes that
 * must hold under concurrency are single statements: one thread per
 * audience comes from unique indexes (INSERT … ON CONFLICT), and appending
 * locks the conversation row so messages get strictly increasing times.
 */
export class ThreadRepository extends SqlRepository {
  /** The audience's conversation, created with `copies` if missing; `created` says which. */
  async open(
    input: { audience: ConversationAudience; copies: ConversationAffiliateFields & ConversationMemberFields },
    ctx: Context
  ): Promise<{ conversation: ConversationDTO; created: boolean }> {
    const knex = this.knex(ctx)
    const { audience, copies } = input
    const inserted = await this.first<ConversationDTO>(
      ctx,
      knex("affiliate_conversation")
        .insert({
          id: entityId("conv"),
          affiliate_id: audience.affiliate_id,
          member_id: audience.member_id,
          ...copies,
          created_at: knex.fn.now(),
          updated_at: knex.fn.now(),
        })
        .onConflict()
        .ignore()
        .returning("*")
    )
    if (inserted) {
      return { conversation: inserted, created: true }
    }
    return { conversation: (await this.findByAudience(audience, ctx))!, created: false }
  }

  /** Removes a conversation that never got a message. */
  async discardEmpty(id: string, ctx: Context): Promise<void> {
    await this.rows(ctx, this.knex(ctx)("affiliate_conversation").where({ id, message_count: 0 }).delete())
  }

  async find(id: string, ctx: Context): Promise<ConversationDTO | null> {
    return (await this.first<ConversationDTO>(ctx, liveThread(this.knex(ctx), { id }))) ?? null
  }

  /** The messages an email reports, oldest first (the thread index's order). */
  async listNotified(filter: NotifiedMessagesFilter, ctx: Context): Promise<MessageDTO[]> {
    const messages = live(this.knex(ctx), "affiliate_message").select(MESSAGE_COLUMNS)
    if ("id" in filter) {
      messages.where("id", filter.id)
    } else {
      messages
        .where("conversation_id", filter.conversation_id)
        .andWhere("author_type", filter.author_type)
        .andWhere("created_at", ">=", filter.from)
        .andWhere("created_at", "<", filter.to)
    }
    return await this.rows<MessageDTO>(ctx, messages.orderBy([{ column: "created_at" }, { column: "id" }]))
  }

  /** The audience's live conversation, or undefined. */
  async findByAudience(audience: ConversationAudience, ctx: Context): Promise<ConversationDTO | undefined> {
    return await this.first<ConversationDTO>(ctx, liveThread(this.knex(ctx), { audience }))
  }

  /**
   * Appends a message and moves the conversation's counters, preview and
   * owner read state; returns the message and the owner read state before,
   * null when the conversation is gone (never written to, and discarded).
   */
  async append(input: AppendMessageInput, ctx: Context): Promise<AppendedMessage | null> {
    const knex = this.knex(ctx)
    // Locking the row serialises appends to one thread, so `at` grows
    // strictly in commit order even for sends in the same microsecond.
    const previous = live(knex, "affiliate_conversation")
      .select("id", "owner_unread", knex.raw("greatest(clock_timestamp(), last_message_at + interval '1 microsecond') as at"))
      .where("id", input.conversation_id)
      .forUpdate()
    const state = await this.first<{ owner_unread: boolean }>(
      ctx,
      knex
        .with("previous", previous)
        .table({ c: "affiliate_conversation" })
        .update({
          message_count: knex.raw("c.message_count + 1"),
          last_message_at: knex.ref("previous.at"),
          last_message_preview: Array.from(input.body).slice(0, MESSAGE_PREVIEW_LENGTH).join(""),
          updated_at: knex.fn.now(),
          ...ownerReadStateAfter(knex, input.author_type),
        })
        .updateFrom("previous")
        .where("c.id", knex.ref("previous.id"))
        .returning("previous.owner_unread")
    )
    if (!state) {
      return null
    }
    // the time comes from the row just updated: passed through a JS Date it
    // would be cut to milliseconds, and two messages of one millisecond would tie
    const message = await this.first<MessageDTO>(
      ctx,
      insertFrom(knex, "affiliate_message", knex({ c: "affiliate_conversation" }).where("c.id", input.conversation_id), {
        id: bound(knex, entityId("msg")),
        conversation_id: knex.ref("c.id"),
        author_type: bound(knex, input.author_type),
        author_id: bound(knex, input.author_id),
        author_name: bound(knex, input.author_name),
        body: bound(knex, input.body),
        source: bound(knex, input.source ?? "app"),
        broadcast_id: bound(knex, input.broadcast_id ?? null),
        created_at: knex.ref("c.last_message_at"),
        updated_at: knex.ref("c.last_message_at"),
      }).returning([...MESSAGE_COLUMNS])
    )
    return { message: message!, previous_owner_unread: state.owner_unread }
  }

  /**
   * `append` as one statement, and the writer's read mark moved up to the
   * message in it too (`read_by_member_id`): the thread's row is locked
   * only while the statement runs, where `append`'s two statements and a
   * transaction hold it across round trips (sends to one busy thread queue
   * on that lock). Null when the conversation is gone.
   */
  async appendInOneStatement(
    input: AppendMessageInput & { read_by_member_id?: string | null },
    ctx: Context
  ): Promise<(AppendedMessage & { previous_read_at: Date | null }) | null> {
    const knex = this.knex(ctx)
    const readState = OWNER_READ_STATE_SQL[input.author_type]
    const marksRead = !!input.read_by_member_id
    const statement = knex.raw(
      `with previous as (
         select id, owner_unread, greatest(clock_timestamp(), last_message_at + interval '1 microsecond') as at
         from affiliate_conversation where deleted_at is null and id = :conversation_id for update
       ), updated as (
         update affiliate_conversation c
         set message_count = c.message_count + 1, last_message_at = previous.at, last_message_preview = :preview,
             updated_at = now()${readState ? `, ${readState}` : ""}
         from previous where c.id = previous.id
         returning c.id, previous.owner_unread, previous.at
       ), inserted as (
         insert into affiliate_message (${MESSAGE_COLUMNS.join(", ")}, updated_at)
         select :id, updated.id, :author_type, :author_id, :author_name, :body, :source, :broadcast_id, updated.at, updated.at
         from updated
         returning ${MESSAGE_COLUMNS.join(", ")}
       )${marksRead ? `, read_before as (
         select last_read_at from affiliate_member_read_state
         where conversation_id = :conversation_id and member_id = :member_id and deleted_at is null
       ), marked as (
         insert into affiliate_member_read_state (id, conversation_id, member_id, last_read_at, created_at, updated_at)
         select :read_state_id, inserted.conversation_id, :member_id, inserted.created_at, now(), now() from inserted
         on conflict (conversation_id, member_id) where deleted_at is null
         do update set last_read_at = greatest(affiliate_member_read_state.last_read_at, excluded.last_read_at), updated_at = now()
       )` : ""}
       select inserted.*, updated.owner_unread as previous_owner_unread,
              ${marksRead ? "(select last_read_at from read_before)" : "cast(null as timestamptz)"} as previous_read_at
       from inserted, updated`,
      {
        conversation_id: input.conversation_id,
        preview: Array.from(input.body).slice(0, MESSAGE_PREVIEW_LENGTH).join(""),
        id: entityId("msg"),
        author_type: input.author_type,
        author_id: input.author_id,
        author_name: input.author_name,
        body: input.body,
        source: input.source ?? "app",
        broadcast_id: input.broadcast_id ?? null,
        member_id: input.read_by_member_id ?? null,
        read_state_id: entityId("mrs"),
      }
    )
    const row = await this.first<MessageDTO & { previous_owner_unread: boolean; previous_read_at: Date | null }>(ctx, statement)
    if (!row) {
      return null
    }
    const { previous_owner_unread, previous_read_at, ...message } = row
    return { message: message as MessageDTO, previous_owner_unread, previous_read_at }
  }

  /** Undoes `append`: the only way a message is ever removed. */
  async revertAppend(appended: AppendedMessageRef, ctx: Context): Promise<void> {
    const knex = this.knex(ctx)
    await this.rows(ctx, knex("affiliate_conversation").select("id").where("id", appended.conversation_id).forUpdate())
    await this.rows(ctx, knex("affiliate_message").where("id", appended.message_id).delete())
    const messages = () => knex("affiliate_message").where("conversation_id", knex.ref("c.id"))
    await this.rows(
      ctx,
      knex({ c: "affiliate_conversation" })
        .update({
          message_count: knex.raw("greatest(c.message_count - 1, 0)"),
          last_message_at: messages().max("created_at"),
          last_message_preview: messages()
            .select(knex.raw("left(body, ?)", [MESSAGE_PREVIEW_LENGTH]))
            .orderBy([{ column: "created_at", order: "desc" }, { column: "id", order: "desc" }])
            .limit(1),
          last_owner_message_at: messages().max("created_at").where("author_type", "owner"),
          owner_unread: appended.previous_owner_unread,
        })
        .where("c.id", appended.conversation_id)
    )
  }
}

/** `ownerReadStateAfter` in SQL, for `appendInOneStatement`. */
const OWNER_READ_STATE_SQL: Record<AppendMessageInput["author_type"], string> = {
  owner: "last_owner_message_at = previous.at, owner_unread = false, owner_read_at = previous.at",
  affiliate: "owner_unread = true",
  system: "",
}

/**
 * An owner's message is read by the owners as it is sent; an affiliate's
 * makes the conversation unread for them; a system message changes neither.
 */
function ownerReadStateAfter(knex: Knex, author: AppendMessageInput["author_type"]): Record<string, unknown> {
  switch (author) {
    case "owner":
      return { last_owner_message_at: knex.ref("previous.at"), owner_unread: false, owner_read_at: knex.ref("previous.at") }
    case "affiliate":
      return { owner_unread: true }
    default:
      return {}
  }
}
