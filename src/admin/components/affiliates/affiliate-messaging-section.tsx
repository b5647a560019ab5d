import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { AdminAffiliate } from "../../../types/http"
import { messagingAvailability } from "../../../utils/shared/messaging-availability"
import { useMessagingSettings } from "../../hooks/api/messaging-settings"

const linkClass = "text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"

/**
 * Whether this affiliate can message and be messaged, and which switch
 * decides it, so nobody has to find out by a refused send.
 */
export const AffiliateMessagingSection = ({ affiliate }: { affiliate: AdminAffiliate }) => {
  const { settings } = useMessagingSettings()
  if (!settings) {
    return null
  }
  const availability = messagingAvailability(settings, affiliate.group ?? null)
  const readOnly = affiliate.status === "declined" || affiliate.status === "suspended"

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Messaging</Heading>
        <StatusBadge color={availability.enabled && !readOnly ? "green" : "grey"}>
          {availability.enabled && !readOnly
            ? "On"
            : readOnly && availability.enabled
              ? "Read-only"
              : "Off"}
        </StatusBadge>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        {availability.reason === "global" && (
          <Text size="small" className="text-ui-fg-subtle">
            Messaging is turned off for the whole store.{" "}
            <Link to="/settings/affiliate-messaging" className={linkClass}>
              Messaging settings
            </Link>
          </Text>
        )}
        {availability.reason === "group" && affiliate.group && (
          <>
            <Text size="small" className="text-ui-fg-subtle">
              Messaging is off for the group{" "}
              <Link to={`/affiliates/groups/${affiliate.group.id}`} className={linkClass}>
                {affiliate.group.name}
              </Link>
              . Its members see this instead of a reply box:
            </Text>
            <Text size="small" className="text-ui-fg-base whitespace-pre-wrap break-words">
              {availability.disabled_message}
            </Text>
          </>
        )}
        {availability.enabled && readOnly && (
          <Text size="small" className="text-ui-fg-subtle">
            Conversations with a {affiliate.status} affiliate are read-only for both sides.
          </Text>
        )}
        {availability.enabled && !readOnly && (
          <Text size="small" className="text-ui-fg-subtle">
            {affiliate.status === "pending"
              ? "Members can write to you. You can reply, but start new conversations only once the affiliate is approved."
              : "Members and admins can write to each other."}
          </Text>
        )}
      </div>
    </Container>
  )
}
