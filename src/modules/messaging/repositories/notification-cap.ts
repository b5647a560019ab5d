import type { Context } from "@medusajs/framework/types"
import type { HeldNotification, NotificationClaimInput } from "../../../types/messaging"
import { SqlRepository, live } from "../../../utils/repository-sql"
import { entityId } from "../../../utils/entity-ids"

type EarlierClaim = { held: boolean; period_start: Date }

/**
 * The hourly cap on the emails one affiliate causes (decision 0005): a
 * claim per email in `affiliate_notification_claim`, under a transaction
 * advisory lock per bucket and period.
 */
export class NotificationCapRepository extends SqlRepository {
  /**
   * Decides, for each email, whether it goes out or is held for its
   * bucket's digest: the first `cap` emails of a bucket and period go out.
   * The lock serialises the count and the insert across processes, so the
   * cap is exact under any concurrency; an email claimed before (a retried
   * job) keeps its decision (and its period). Returns the held keys with
   * their period. Needs a transaction (the locks are the transaction's).
   */
  async claim(input: { claims: NotificationClaimInput[]; cap: number }, ctx: Context): Promise<Map<string, Date>> {
    const knex = this.knex(ctx)
    const held = new Map<string, Date>()
    const slot = (claim: NotificationClaimInput) => `${claim.bucket}@${claim.period_start.toISOString()}`
    // one lock order for every caller: no deadlock between batches
    for (const claim of [...input.claims].sort((a, b) => slot(a).localeCompare(slot(b)))) {
      await this.rows(ctx, knex.raw("select pg_advisory_xact_lock(hashtextextended(?, 0))", [`affmsg-cap:${slot(claim)}`]))
      const earlier = await this.first<EarlierClaim>(
        ctx,
        live(knex, "affiliate_notification_claim").select("held", "period_start").where("key", claim.key)
      )
      if (earlier) {
        if (earlier.held) {
          held.set(claim.key, new Date(earlier.period_start))
        }
        continue
      }
      const { sent } = (await this.first<{ sent: number }>(
        ctx,
        live(knex, "affiliate_notification_claim")
          .select(knex.raw("count(*)::int as sent"))
          .where({ bucket: claim.bucket, period_start: claim.period_start, held: false })
      ))!
      const isHeld = sent >= input.cap
      await this.rows(
        ctx,
        knex("affiliate_notification_claim").insert({
          id: entityId("ncl"),
          key: claim.key,
          bucket: claim.bucket,
          period_start: claim.period_start,
          recipient_key: claim.recipient_key,
          conversation_id: claim.conversation_id,
          // knex spreads an array binding into a list
          message_ids: knex.raw("array(select jsonb_array_elements_text(?::jsonb))", [JSON.stringify(claim.message_ids)]),
          held: isHeld,
        })
      )
      if (!sent) {
        // a bucket's first email of a period also clears its rows of last week
        await this.rows(
          ctx,
          knex("affiliate_notification_claim")
            .where("bucket", claim.bucket)
            .whereRaw("period_start < ?::timestamptz - interval '7 days'", [claim.period_start])
            .delete()
        )
      }
      if (isHeld) {
        held.set(claim.key, claim.period_start)
      }
    }
    return held
  }

  /** The emails held for one recipient's digest of a bucket and period. */
  async listHeld(
    input: { bucket: string; period_start: Date; recipient_key: string },
    ctx: Context
  ): Promise<HeldNotification[]> {
    return await this.rows<HeldNotification>(
      ctx,
      live(this.knex(ctx), "affiliate_notification_claim")
        .select("conversation_id", "message_ids")
        .where({ bucket: input.bucket, period_start: input.period_start, recipient_key: input.recipient_key, held: true })
        .orderBy([{ column: "created_at" }, { column: "id" }])
    )
  }
}
