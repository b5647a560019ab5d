"use client"
import { useRef } from "react"
import type { AffiliateMessagingClient } from "../../client/index.js"
import { useAffiliateMessagingClient } from "../context.js"
import { useMessagingStatus } from "../hooks/use-messaging-status.js"
import { useAffiliateMessagingStyles } from "../styles.js"

export type MessagesBadgeProps = {
  /** Defaults to the one from `AffiliateMessagingProvider`. */
  client?: AffiliateMessagingClient
  /** Update from the member's live stream (default true). */
  live?: boolean
  /** Without `live`: poll interval in ms (default 30 000). */
  pollMs?: number | false
  /** Counts above this show as `99+` (default 99). */
  max?: number
  /** The accessible name (default: "3 unread conversations"). */
  label?: (count: number) => string
  className?: string
  /** false: don't inject the stylesheet (you include `AFFILIATE_MESSAGING_CSS` yourself). */
  injectStyles?: boolean
}

const defaultLabel = (count: number) => `${count} unread ${count === 1 ? "conversation" : "conversations"}`

/** The number of conversations with unread store messages; renders nothing at 0 (or when logged out). */
export function MessagesBadge({
  client,
  live,
  pollMs,
  max = 99,
  label = defaultLabel,
  className,
  injectStyles = true,
}: MessagesBadgeProps) {
  const resolved = useAffiliateMessagingClient(client)
  const { unread_count } = useMessagingStatus(resolved, { live, pollMs })
  const ref = useRef<HTMLSpanElement>(null)
  useAffiliateMessagingStyles(ref, injectStyles && unread_count > 0)
  if (unread_count <= 0) {
    return null
  }
  return (
    <span
      ref={ref}
      className={className ? `amsg-badge ${className}` : "amsg-badge"}
      role="status"
      aria-label={label(unread_count)}
      title={label(unread_count)}
      data-testid="amsg-badge"
    >
      {unread_count > max ? `${max}+` : unread_count}
    </span>
  )
}
