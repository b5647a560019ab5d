import type { Context } from "@medusajs/framework/types"
import type { ConversationAudience, ConversationDTO, MessagingSettingsDTO } from "../../../types/messaging"
import { SqlRepository, onLive } from "../../../utils/repository-sql"
import { settingsOf } from "./sql/settings-row"

/** The thread's columns (all null when there is none), the settings' beside them under names no thread column has. */
type SendReadsRow = ConversationDTO & { settings_enabled: boolean | null; settings_notification_emails: string[] | null }

/**
 * What a send reads of this module, in one statement: the global settings
 * and the thread it writes to, by id (a reply) or by audience (a new
 * message). One row always: `(values (1))` carries both left joins, so a
 * missing thread or a store without its settings row still answers.
 */
export class SendReadsRepository extends SqlRepository {
  async retrieve(
    thread: { id: string } | { audience: ConversationAudience },
    ctx: Context
  ): Promise<{ conversation: ConversationDTO | null; settings: MessagingSettingsDTO | null }> {
    const knex = this.knex(ctx)
    const audience = "audience" in thread ? thread.audience : null
    const id = "id" in thread ? thread.id : null
    const statement = knex
      .select("c.*", "s.enabled as settings_enabled", "s.notification_emails as settings_notification_emails")
      .from(knex.raw("(values (1)) as one (x)"))
      .leftJoin({ s: "affiliate_messaging_setting" }, (join) =>
        onLive(join.on("s.scope", knex.raw("?", ["global"])), "s")
      )
      .leftJoin({ c: "affiliate_conversation" }, (join) => {
        if (!audience) {
          return onLive(join.on("c.id", knex.raw("?", [id])), "c")
        }
        // `is not distinct from` would hide both unique indexes from the planner
        join.on("c.affiliate_id", knex.raw("?", [audience.affiliate_id]))
        if (audience.member_id) {
          join.andOn("c.member_id", knex.raw("?", [audience.member_id]))
        } else {
          join.andOnNull("c.member_id")
        }
        return onLive(join, "c")
      })
    // not a prepared statement: `c.*` would change its result type when a
    // migration adds a column, which Postgres refuses (decision 0041)
    const row = (await this.first<SendReadsRow>(ctx, statement))!
    const { settings_enabled, settings_notification_emails, ...conversation } = row
    return {
      conversation: conversation.id ? conversation : null,
      settings: settings_enabled === null ? null : settingsOf({ enabled: settings_enabled, notification_emails: settings_notification_emails }),
    }
  }
}
