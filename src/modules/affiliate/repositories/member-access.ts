import type { Context } from "@medusajs/framework/types"
import type { MemberAccess } from "../../../types/affiliate-module"
import { SqlRepository, live, onLive } from "../../../utils/repository-sql"
import { type SendAffiliateRow, sendAffiliateOf } from "./sql/send-affiliate-row"

type MemberAccessRow = SendAffiliateRow & {
  member_id: string
  first_name: string | null
  last_name: string | null
  member_email: string
}

/**
 * What every store request of a member checks: its affiliate's status and
 * its group's messaging flags; with them, what the member's send copies of
 * its team and signs with (a few more columns of the same rows).
 */
export class MemberAccessRepository extends SqlRepository {
  /** One indexed query: it runs on each call of the affiliate's Messages tab and badge. */
  async retrieve(memberId: string, ctx: Context): Promise<MemberAccess | null> {
    const row = await this.preparedFirst<MemberAccessRow>(
      ctx,
      "member_access",
      live(this.knex(ctx), "affiliate_member", "m")
        .select(
          "m.id as member_id", "m.first_name", "m.last_name", "m.email as member_email",
          "a.id", "a.name", "a.email", "a.status", "a.group_id", "a.manager_id",
          "g.name as group_name", "g.messaging_enabled", "g.messaging_disabled_message"
        )
        .join({ a: "affiliate" }, (join) => onLive(join.on("a.id", "m.affiliate_id"), "a"))
        .leftJoin({ g: "affiliate_group" }, (join) => onLive(join.on("g.id", "a.group_id"), "g"))
        .where("m.id", memberId)
    )
    if (!row) {
      return null
    }
    return {
      id: row.member_id,
      first_name: row.first_name,
      last_name: row.last_name,
      email: row.member_email,
      affiliate_id: row.id,
      affiliate: sendAffiliateOf(row),
    }
  }
}
