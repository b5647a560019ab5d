import { StatusBadge } from "@medusajs/ui"
import type { BroadcastStatus } from "../../hooks/api/broadcasts"

export const BROADCAST_STATUS_LABELS: Record<BroadcastStatus, string> = {
  scheduled: "Scheduled",
  sending: "Sending",
  sent: "Sent",
  cancelled: "Cancelled",
}

const COLORS: Record<BroadcastStatus, "blue" | "orange" | "green" | "grey"> = {
  scheduled: "blue",
  sending: "orange",
  sent: "green",
  cancelled: "grey",
}

export const BroadcastStatusBadge = ({ status }: { status: BroadcastStatus }) => (
  <StatusBadge color={COLORS[status]} data-testid="broadcast-status">
    {BROADCAST_STATUS_LABELS[status]}
  </StatusBadge>
)
