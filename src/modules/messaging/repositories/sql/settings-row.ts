import type { MessagingSettingsDTO } from "../../../../types/messaging"

export type SettingsRow = { enabled: boolean; notification_emails: string[] | null }

/** No address list yet reads as none. */
export function settingsOf(row: SettingsRow): MessagingSettingsDTO {
  return { enabled: row.enabled, notification_emails: row.notification_emails ?? [] }
}
