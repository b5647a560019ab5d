import type { Context } from "@medusajs/framework/types"
import type { AffiliateStatus } from "../../../types/affiliate"
import type { MemberAccess } from "../../../types/affiliate-module"
import { SqlRepository, live, onLive } from "../../../utils/repository-sql"

type MemberAccessRow = {
  id: string
  affiliate_id: string
  affiliate_status: AffiliateStatus
  group_id: string | null
  messaging_enabled: boolean | null
  messaging_disabled_message: string | null
}

/** What every store request of a member checks: its affiliate's status and its group's messaging flags. */
export class MemberAccessRepository extends SqlRepository {
  /** One indexed query: it runs on each call of the affiliate's Messages tab and badge. */
  async retrieve(memberId: string, ctx: Context): Promise<MemberAccess | null> {
    const row = await this.preparedFirst<MemberAccessRow>(
      ctx,
      "member_access",
      live(this.knex(ctx), "affiliate_member", "m")
        .select("m.id", "m.affiliate_id", "a.status as affiliate_status", "g.id as group_id", "g.messaging_enabled",
          "g.messaging_disabled_message")
        .join({ a: "affiliate" }, (join) => onLive(join.on("a.id", "m.affiliate_id"), "a"))
        .leftJoin({ g: "affiliate_group" }, (join) => onLive(join.on("g.id", "a.group_id"), "g"))
        .where("m.id", memberId)
    )
    if (!row) {
      return null
    }
    return {
      id: row.id,
      affiliate_id: row.affiliate_id,
      affiliate_status: row.affiliate_status,
      group: row.group_id
        ? { messaging_enabled: row.messaging_enabled!, messaging_disabled_message: row.messaging_disabled_message }
        : null,
    }
  }
}
