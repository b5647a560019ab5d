import type { Context } from "@medusajs/framework/types"
import type { ConversationDTO, MessagingSettingsDTO, ThreadKey } from "../../../types/messaging"
import { SqlRepository, onLive } from "../../../utils/repository-sql"
import { liveThread } from "./sql/live-thread"
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
    thread: ThreadKey,
    ctx: Context
  ): Promise<{ conversation: ConversationDTO | null; settings: MessagingSettingsDTO | null }> {
    const knex = this.knex(ctx)
    const statement = knex
      .select("c.*", "s.enabled as settings_enabled", "s.notification_emails as settings_notification_emails")
      .from(knex.raw("(values (1)) as one (x)"))
      .leftJoin({ s: "affiliate_messaging_setting" }, (join) =>
        onLive(join.on("s.scope", knex.raw("?", ["global"])), "s")
      )
      // Postgres pulls the subquery up into the join: the thread's unique indexes still serve it
      .leftJoin(liveThread(knex, thread).as("c"), knex.raw("true"))
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
