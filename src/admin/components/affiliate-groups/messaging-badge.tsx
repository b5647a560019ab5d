import { StatusBadge } from "@medusajs/ui"

export const MessagingBadge = ({ enabled }: { enabled: boolean }) => (
  <StatusBadge color={enabled ? "green" : "grey"}>{enabled ? "On" : "Off"}</StatusBadge>
)
