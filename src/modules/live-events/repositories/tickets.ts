import type { Context } from "@medusajs/framework/types"
import { SqlRepository, live } from "../../../utils/repository-sql"
import type { StreamTicketGrant } from "../types"
import { entityId } from "../../../utils/entity-ids"

const TICKETS = "affiliate_stream_ticket"

/**
 * Member stream tickets (`StreamTicket` model; not
 * `StreamTicketRepository`, the name of the one `MedusaService` builds for
 * the model).
 */
export class TicketRepository extends SqlRepository {
  async insert(ticket: StreamTicketGrant & { token_hash: string; expires_at: Date }, ctx: Context): Promise<void> {
    await this.rows(ctx, this.knex(ctx)(TICKETS).insert({ id: entityId("stk"), ...ticket }))
  }

  /** Uses the ticket once: of two requests racing with it, one gets the grant. */
  async use(input: { token_hash: string; now: Date }, ctx: Context): Promise<StreamTicketGrant | null> {
    const { token_hash, now } = input
    const grant = await this.first<StreamTicketGrant>(
      ctx,
      live(this.knex(ctx), TICKETS)
        .update({ used_at: now })
        .where("token_hash", token_hash)
        .whereNull("used_at")
        .andWhere("expires_at", ">", now)
        .returning(["member_id", "session_id", "auth_expires_at"])
    )
    return grant ?? null
  }

  async purge(expiredBefore: Date, ctx: Context): Promise<number> {
    return await this.affected(ctx, this.knex(ctx)(TICKETS).where("expires_at", "<", expiredBefore).delete())
  }
}
