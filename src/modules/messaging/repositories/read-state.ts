import type { Context } from "@medusajs/framework/types"
import type { MemberConversationRef, OwnerReadState } from "../../../types/messaging-module"
import { SqlRepository, liveConflict } from "../../../utils/repository-sql"
import { joinMemberReadState, memberUnread } from "./sql/conversation-list"
import { entityId } from "../../../utils/entity-ids"


/** One member's read state of one conversation. */
export type MemberReadMark = { unread: boolean; last_read_at: Date | null }

/**
 * Both read states: the owners' one, shared, on the conversation
 * (`owner_unread`, `owner_read_at`), and each member's read mark in
 * `affiliate_member_read_state`.
 */
export class ReadStateRepository extends SqlRepository {
  /** Sets the owners' read state; returns the previous values of the changed rows. */
  async setOwnerUnread(input: { ids: string[]; unread: boolean }, ctx: Context): Promise<OwnerReadState[]> {
    const knex = this.knex(ctx)
    // a CTE, not a subquery in `from`: knex binds an update's `from`
    // subquery after its `where`
    const previous = knex
      .select("id", "owner_unread", "owner_read_at")
      .from("affiliate_conversation")
      .whereIn("id", input.ids)
      .forUpdate()
    return await this.rows<OwnerReadState>(
      ctx,
      knex
        .with("previous", previous)
        .table({ c: "affiliate_conversation" })
        .update({
          owner_unread: input.unread,
          owner_read_at: input.unread ? knex.ref("c.owner_read_at") : knex.fn.now(),
          updated_at: knex.fn.now(),
        })
        .updateFrom("previous")
        .where("c.id", knex.ref("previous.id"))
        .whereRaw("c.owner_unread is distinct from ?", [input.unread])
        .returning(["previous.id", "previous.owner_unread", "previous.owner_read_at"])
    )
  }

  async restoreOwnerReadState(previous: OwnerReadState[], ctx: Context): Promise<void> {
    const knex = this.knex(ctx)
    for (const row of previous) {
      await this.rows(
        ctx,
        knex("affiliate_conversation")
          .update({ owner_unread: row.owner_unread, owner_read_at: row.owner_read_at })
          .where("id", row.id)
      )
    }
  }

  /** Whether owner messages are unread for the member, and its read mark (none if it never read). */
  async memberReadMark(input: MemberConversationRef, ctx: Context): Promise<MemberReadMark> {
    const knex = this.knex(ctx)
    const row = await this.first<MemberReadMark>(
      ctx,
      joinMemberReadState(knex({ c: "affiliate_conversation" }), input.member_id)
        .select(knex.raw("? as unread", [memberUnread(knex)]), "r.last_read_at")
        .where("c.id", input.conversation_id)
    )
    return { unread: !!row?.unread, last_read_at: row?.last_read_at ?? null }
  }

  /**
   * Moves a member's read mark (never backwards) to now, or with
   * `up_to_message_id` to that message of the thread.
   */
  async moveMemberReadMark(
    input: MemberConversationRef & { up_to_message_id?: string | null },
    ctx: Context
  ): Promise<void> {
    const knex = this.knex(ctx)
    // a message of another thread (or none) leaves the mark at now
    const readAt = input.up_to_message_id
      ? knex.raw("coalesce(?, clock_timestamp())", [
          knex.select("created_at").from("affiliate_message")
            .where({ id: input.up_to_message_id, conversation_id: input.conversation_id }),
        ])
      : knex.raw("clock_timestamp()")
    await this.rows(
      ctx,
      knex("affiliate_member_read_state")
        .insert({
          id: entityId("mrs"),
          conversation_id: input.conversation_id,
          member_id: input.member_id,
          last_read_at: readAt,
          created_at: knex.fn.now(),
          updated_at: knex.fn.now(),
        })
        .onConflict(liveConflict(knex, ["conversation_id", "member_id"]))
        .merge({
          last_read_at: knex.raw("greatest(affiliate_member_read_state.last_read_at, excluded.last_read_at)"),
          updated_at: knex.fn.now(),
        })
    )
  }

  /** Puts a member's read mark back to `previous_read_at`, or removes it (the member had never read). */
  async restoreMemberReadMark(
    input: MemberConversationRef & { previous_read_at: Date | null },
    ctx: Context
  ): Promise<void> {
    const knex = this.knex(ctx)
    const mark = knex("affiliate_member_read_state").where({
      conversation_id: input.conversation_id,
      member_id: input.member_id,
    })
    await this.rows(ctx, input.previous_read_at ? mark.update({ last_read_at: input.previous_read_at }) : mark.delete())
  }
}
