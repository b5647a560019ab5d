import type { AffiliateStatus } from "../../types/affiliate"

export const AFFILIATE_STATUS_LABELS: Record<AffiliateStatus, string> = {
  pending: "Pending",
  active: "Active",
  declined: "Declined",
  suspended: "Suspended",
}

export const AFFILIATE_STATUS_COLORS: Record<AffiliateStatus, "orange" | "green" | "red" | "grey"> = {
  pending: "orange",
  active: "green",
  declined: "red",
  suspended: "grey",
}

export const AFFILIATE_STATUS_OPTIONS = (
  Object.keys(AFFILIATE_STATUS_LABELS) as AffiliateStatus[]
).map((value) => ({ value, label: AFFILIATE_STATUS_LABELS[value] }))
