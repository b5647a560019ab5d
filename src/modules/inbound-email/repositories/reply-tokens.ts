import type { Context } from "@medusajs/framework/types"
import type { ReplyKeyDTO, ReplyRecipient } from "../../../types/inbound-email"
import { SqlRepository, live, liveConflict } from "../../../utils/repository-sql"
import { entityId } from "../../../utils/entity-ids"

const TABLE = "affiliate_reply_key"

/**
 * The reply tokens handed out in notifications' Reply-To (`ReplyKey`
 * model; not `ReplyKeyRepository`, the name of the one `MedusaService`
 * builds for the model).
 */
export class ReplyTokenRepository extends SqlRepository {
  /**
   * Records derived tokens in one statement; deriving one again (every
   * email of a thread does) finds its row already there and writes nothing.
   * Rows go in token order, so two jobs recording overlapping tokens at
   * once wait for each other instead of deadlocking.
   */
  async record(
    tokens: { token: string; conversation_id: string; recipient: ReplyRecipient; key_version: number }[],
    ctx: Context
  ): Promise<void> {
    if (!tokens.length) {
      return
    }
    const knex = this.knex(ctx)
    const rows = [...new Map(tokens.map((input) => [input.token, input])).values()]
      .sort((a, b) => (a.token < b.token ? -1 : a.token > b.token ? 1 : 0))
      .map((input) => ({
        id: entityId("rkey"),
        token: input.token,
        conversation_id: input.conversation_id,
        recipient_type: input.recipient.type,
        recipient_id: input.recipient.id,
        key_version: input.key_version,
      }))
    await this.rows(ctx, knex(TABLE).insert(rows).onConflict(liveConflict(knex, ["token"])).ignore())
  }

  async find(token: string, ctx: Context): Promise<ReplyKeyDTO | null> {
    const key = await this.first<ReplyKeyDTO>(ctx, live(this.knex(ctx), TABLE).select("*").where("token", token).limit(1))
    return key ?? null
  }
}
