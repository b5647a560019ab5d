import type { InboundEmailStatus, InboundRefusalReason } from "../../types/http"

type BadgeColor = "green" | "grey" | "orange" | "red" | "blue"

export const INBOUND_STATUS_WORDS: Record<InboundEmailStatus, { label: string; color: BadgeColor }> = {
  received: { label: "Waiting", color: "blue" },
  posted: { label: "Posted", color: "green" },
  duplicate: { label: "Duplicate", color: "grey" },
  refused: { label: "Refused", color: "orange" },
  failed: { label: "Failed", color: "red" },
}

/** Why an email was not posted, as an admin reads it. */
export const INBOUND_REASON_WORDS: Record<InboundRefusalReason, string> = {
  unknown_token: "Not sent to a valid reply address (unknown, or from before a key rotation)",
  sender_mismatch: "Sent from another address than the recipient's (or failed DMARC)",
  auto_reply: "An automatic reply, bounce or list email: never posted, never answered",
  not_allowed: "The sender may not write in this conversation now",
  empty: "Nothing left after removing the quoted history and signature",
  too_large: "Too large",
}

export const inboundOutcomeWords = (entry: {
  status: InboundEmailStatus
  reason: InboundRefusalReason | null
  detail: string | null
}): string => {
  if (entry.status === "posted") {
    return "Posted in the conversation"
  }
  if (entry.status === "duplicate") {
    return "Already received: not posted again"
  }
  if (entry.status === "received") {
    return "Waiting to be processed"
  }
  if (entry.status === "failed") {
    return entry.detail ? `Processing failed: ${entry.detail}` : "Processing failed; retry it once the cause is fixed"
  }
  const reason = entry.reason ? INBOUND_REASON_WORDS[entry.reason] : "Refused"
  return entry.detail && entry.reason === "not_allowed" ? `${reason}: ${entry.detail}` : reason
}
