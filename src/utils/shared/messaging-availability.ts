import { DEFAULT_DISABLED_MESSAGE, MessagingSettingsDTO } from "../../types/messaging"

export type GroupMessagingFlags = {
  name?: string
  messaging_enabled: boolean
  messaging_disabled_message: string | null
} | null

export type MessagingAvailability =
  | { enabled: true; disabled_message: null; reason: null }
  | { enabled: false; disabled_message: string; reason: "global" | "group" }

/**
 * Messaging is enabled for an affiliate when the global setting is on and
 * its group (if any) has messaging enabled. Affiliates are shown the group's
 * own text, else a default.
 */
export function messagingAvailability(
  settings: Pick<MessagingSettingsDTO, "enabled">,
  group: GroupMessagingFlags
): MessagingAvailability {
  if (!settings.enabled) {
    return { enabled: false, disabled_message: DEFAULT_DISABLED_MESSAGE, reason: "global" }
  }
  if (group && !group.messaging_enabled) {
    return {
      enabled: false,
      disabled_message: group.messaging_disabled_message?.trim() || DEFAULT_DISABLED_MESSAGE,
      reason: "group",
    }
  }
  return { enabled: true, disabled_message: null, reason: null }
}
