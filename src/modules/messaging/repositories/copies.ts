import type { Context } from "@medusajs/framework/types"
import type { ConversationAffiliateFields, ConversationMemberFields } from "../../../types/messaging"
import { SqlRepository, live } from "../../../utils/repository-sql"

/**
 * What conversations carry of their affiliate and member (decision 0013):
 * an affiliate's fields on all its conversations, a member's on its
 * member thread.
 */
export class CopyRepository extends SqlRepository {
  /**
   * Sets `fields` on every conversation whose `key` is `id`. Rows that
   * already match are left alone, so repeating it costs one index lookup.
   * Returns the values replaced (the rows of one key carry the same
   * facts), null when nothing changed.
   */
  async copyOnConversations<Fields extends ConversationAffiliateFields | ConversationMemberFields>(
    input: { key: "affiliate_id" | "member_id"; id: string; fields: Fields },
    ctx: Context
  ): Promise<Fields | null> {
    const knex = this.knex(ctx)
    const columns = Object.keys(input.fields)
    const previous = knex
      .select("id", ...columns)
      .from("affiliate_conversation")
      .where(input.key, input.id)
      .where((changed) => {
        for (const [column, value] of Object.entries(input.fields)) {
          changed.orWhereRaw("?? is distinct from ?", [column, value])
        }
      })
      .forUpdate()
    const [replaced] = await this.rows<Fields>(
      ctx,
      knex
        .with("previous", previous)
        .table({ c: "affiliate_conversation" })
        .update({ ...input.fields, updated_at: knex.fn.now() })
        .updateFrom("previous")
        .where("c.id", knex.ref("previous.id"))
        .returning(columns.map((column) => `previous.${column}`))
    )
    return replaced ?? null
  }

  /**
   * Members whose thread carries nothing of them yet (written before the
   * member columns existed), in id order after `after`.
   */
  async listUncopiedMemberIds(page: { after: string; limit: number }, ctx: Context): Promise<string[]> {
    const rows = await this.rows<{ member_id: string }>(
      ctx,
      live(this.knex(ctx), "affiliate_conversation")
        .select("member_id")
        .where("member_id", ">", page.after)
        .whereNull("member_email")
        .orderBy("member_id")
        .limit(page.limit)
    )
    return rows.map((row) => row.member_id)
  }
}
