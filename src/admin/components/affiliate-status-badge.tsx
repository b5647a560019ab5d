import { StatusBadge } from "@medusajs/ui"
import type { AffiliateStatus } from "../../types/affiliate"
import { AFFILIATE_STATUS_COLORS, AFFILIATE_STATUS_LABELS } from "../lib/affiliate-status"

export const AffiliateStatusBadge = ({ status }: { status: AffiliateStatus }) => (
  <StatusBadge color={AFFILIATE_STATUS_COLORS[status]}>{AFFILIATE_STATUS_LABELS[status]}</StatusBadge>
)
