import { Text } from "@medusajs/ui"
import type { BroadcastSkipReason } from "../../hooks/api/broadcasts"

export const SKIP_REASON_LABELS: Record<BroadcastSkipReason, string> = {
  messaging_disabled: "messaging is off (store-wide or for their group)",
  not_allowed: "their status no longer allows messages",
  no_members: "no members to read it",
}

/** "3 skipped: messaging is off…" one line per reason, or nothing when none is skipped. */
export const SkipReasons = ({ skipped }: { skipped: Partial<Record<BroadcastSkipReason, number>> }) => {
  const entries = (Object.entries(skipped) as [BroadcastSkipReason, number][]).filter(([, n]) => n > 0)
  if (!entries.length) {
    return null
  }
  return (
    <ul className="flex flex-col gap-y-1" data-testid="skip-reasons">
      {entries.map(([reason, n]) => (
        <li key={reason}>
          <Text size="small" className="text-ui-fg-subtle">
            {n.toLocaleString()} skipped: {SKIP_REASON_LABELS[reason] ?? reason}
          </Text>
        </li>
      ))}
    </ul>
  )
}
