import type { Context } from "@medusajs/framework/types"
import type { MessagingSettingsDTO } from "../../../types/messaging"
import { SqlRepository, live, liveConflict } from "../../../utils/repository-sql"
import { SettingsRow, settingsOf } from "./sql/settings-row"
import { entityId } from "../../../utils/entity-ids"


/** The one row of global settings (`scope` "global"), read on every badge request. */
export class SettingsRepository extends SqlRepository {
  async retrieveGlobal(ctx: Context): Promise<MessagingSettingsDTO | null> {
    const row = await this.first<SettingsRow>(
      ctx,
      live(this.knex(ctx), "affiliate_messaging_setting").select("enabled", "notification_emails").where("scope", "global")
    )
    return row ? settingsOf(row) : null
  }

  /** Creates the global row unless another request just did. */
  async createGlobal(input: { enabled: boolean }, ctx: Context): Promise<void> {
    const knex = this.knex(ctx)
    await this.rows(
      ctx,
      knex("affiliate_messaging_setting")
        .insert({
          id: entityId("msgset"),
          scope: "global",
          enabled: input.enabled,
          notification_emails: knex.raw("'{}'"),
          created_at: knex.fn.now(),
          updated_at: knex.fn.now(),
        })
        .onConflict(liveConflict(knex, ["scope"]))
        .ignore()
    )
  }
}
