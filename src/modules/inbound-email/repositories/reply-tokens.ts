import type { Context } from "@medusajs/framework/types"
import { generateEntityId } from "@medusajs/framework/utils"
import type { ReplyKeyDTO, ReplyRecipient } from "../../../types/inbound-email"
import { SqlRepository, live, liveConflict } from "../../../utils/repository-sql"

const TABLE = "affiliate_reply_key"

/**
 * The reply tokens handed out in notifications' Reply-To (`ReplyKey`
 * model; not `ReplyKeyRepository`, the name of the one `MedusaService`
 * builds for the model).
 */
export class ReplyTokenRepository extends SqlRepository {
  /**
   * Records a derived token; deriving it again (every email of a thread
   * does) finds the row already there and writes nothing.
   */
  async record(
    input: { token: string; conversation_id: string; recipient: ReplyRecipient; key_version: number },
    ctx: Context
  ): Promise<void> {
    const knex = this.knex(ctx)
    await this.rows(
      ctx,
      knex(TABLE)
        .insert({
          id: generateEntityId(undefined, "rkey"),
          token: input.token,
          conversation_id: input.conversation_id,
          recipient_type: input.recipient.type,
          recipient_id: input.recipient.id,
          key_version: input.key_version,
        })
        .onConflict(liveConflict(knex, ["token"]))
        .ignore()
    )
  }

  async find(token: string, ctx: Context): Promise<ReplyKeyDTO | null> {
    const key = await this.first<ReplyKeyDTO>(ctx, live(this.knex(ctx), TABLE).select("*").where("token", token).limit(1))
    return key ?? null
  }
}
