import type { Context } from "@medusajs/framework/types"
import type { NotifiedMember } from "../../../types/affiliate-module"
import { SqlRepository, live } from "../../../utils/repository-sql"

/**
 * The members a notification email may go to, with what decides whether
 * it does (their choice, and their affiliate: a member who moved can no
 * longer see the thread). One indexed query per email job, where the
 * generic `query.graph` read went through the ORM.
 */
export class NotifiedMembersRepository extends SqlRepository {
  async list(input: { affiliate_id?: string; ids?: string[] }, ctx: Context): Promise<NotifiedMember[]> {
    const members = live(this.knex(ctx), "affiliate_member").select("id", "email", "email_notifications", "affiliate_id")
    if (input.affiliate_id) {
      members.where("affiliate_id", input.affiliate_id)
    }
    if (input.ids) {
      members.whereIn("id", input.ids)
    }
    return await this.rows<NotifiedMember>(ctx, members.orderBy("id"))
  }
}
