import { XCircle } from "@medusajs/icons"
import { Container, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useAffiliateGroups } from "../../hooks/api/affiliate-groups"
import { useCancelBroadcast, type Broadcast } from "../../hooks/api/broadcasts"
import { useAdminUsers, userDisplayName } from "../../hooks/api/users"
import { ActionMenu, SectionRow, useDate } from "../../lib/dashboard"
import { apiErrorMessage } from "../../lib/api-error"
import { BroadcastStatusBadge } from "./broadcast-status-badge"

/** Created for a time the admin chose (one sent at once has no `scheduled_at`). */
export const wasScheduled = (broadcast: Broadcast) => Boolean(broadcast.scheduled_at)

const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? "" : "s"}`

/** The broadcast: its state, progress and counts, what was sent to whom, and cancel. */
export const BroadcastGeneralSection = ({ broadcast }: { broadcast: Broadcast }) => {
  const prompt = usePrompt()
  const { getFullDate } = useDate()
  const { users } = useAdminUsers()
  const cancel = useCancelBroadcast(broadcast.id)
  const when = (value: string | null) => (value ? getFullDate({ date: value, includeTime: true }) : "-")
  const author = users?.find((user) => user.id === broadcast.created_by)
  const canCancel = broadcast.status === "scheduled" || broadcast.status === "sending"

  const onCancel = async () => {
    const confirmed = await prompt({
      title: "Cancel this broadcast?",
      description:
        broadcast.status === "sending"
          ? "Affiliates who have not got it yet will not get it. Copies already delivered stay in their threads: messages cannot be taken back."
          : "It will not be sent.",
      confirmText: "Cancel broadcast",
      cancelText: "Keep it",
    })
    if (!confirmed) {
      return
    }
    cancel.mutate(undefined, {
      onSuccess: () => toast.success("Broadcast cancelled"),
      // 409: it finished meanwhile; the message says so
      onError: (error) => toast.error(apiErrorMessage(error)),
    })
  }

  return (
    <Container className="divide-y p-0" data-testid="broadcast-general">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex min-w-0 flex-col">
          <Heading>Broadcast</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {author ? `By ${userDisplayName(author)} · ` : ""}
            {when(broadcast.created_at)}
          </Text>
        </div>
        <div className="flex shrink-0 items-center gap-x-2">
          <BroadcastStatusBadge status={broadcast.status} />
          {canCancel && (
            <ActionMenu
              groups={[{ actions: [{ label: "Cancel broadcast", icon: <XCircle />, onClick: onCancel }] }]}
            />
          )}
        </div>
      </div>
      <BroadcastProgress broadcast={broadcast} />
      <BroadcastCounts broadcast={broadcast} />
      <SectionRow
        title="Message"
        value={
          <Text size="small" className="whitespace-pre-wrap break-words" data-testid="broadcast-body">
            {broadcast.body || "-"}
          </Text>
        }
      />
      {broadcast.attachment_count > 0 && (
        <SectionRow title="Attachments" value={plural(broadcast.attachment_count, "file")} />
      )}
      <SectionRow title="Audience" value={<AudienceSummary broadcast={broadcast} />} />
      {wasScheduled(broadcast) && <SectionRow title="Scheduled for" value={when(broadcast.scheduled_at)} />}
      {broadcast.delivered_count > 0 && (
        <SectionRow
          title="Threads"
          value={
            <Link
              to={`/messages?broadcast_id=${encodeURIComponent(broadcast.id)}`}
              className="text-ui-fg-interactive hover:underline"
            >
              Open the recipients' threads in the inbox
            </Link>
          }
        />
      )}
      <SectionRow title="Started" value={when(broadcast.started_at)} />
      <SectionRow title="Finished" value={when(broadcast.finished_at)} />
    </Container>
  )
}

/** Delivered and skipped out of all recipients: how far sending has got. */
const BroadcastProgress = ({ broadcast }: { broadcast: Broadcast }) => {
  if (broadcast.status !== "sending") {
    return null
  }
  const done = broadcast.delivered_count + broadcast.skipped_count
  const share = broadcast.recipient_count ? done / broadcast.recipient_count : 0
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="broadcast-progress">
      <Text size="small" className="text-ui-fg-subtle">
        {broadcast.recipient_count
          ? `Sending: ${done.toLocaleString()} of ${broadcast.recipient_count.toLocaleString()}`
          : "Counting the recipients…"}
      </Text>
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)}
        className="bg-ui-bg-component shadow-borders-base overflow-hidden"
        style={{ height: 8, borderRadius: 9999 }}
      >
        <div className="bg-ui-fg-interactive h-full transition-[width]" style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  )
}

const BroadcastCounts = ({ broadcast }: { broadcast: Broadcast }) => (
  // inline sizes: the dashboard's stylesheet has only the utility classes its own pages use
  <dl className="flex gap-x-4 px-6 py-4" data-testid="broadcast-counts">
    {(
      [
        ["Recipients", broadcast.recipient_count],
        ["Delivered", broadcast.delivered_count],
        ["Skipped", broadcast.skipped_count],
        ["Read", broadcast.read_count],
        ["Replied", broadcast.replied_count],
      ] as const
    ).map(([label, value]) => (
      <div key={label} className="flex flex-col" style={{ flex: "1 1 0" }} data-testid={`count-${label.toLowerCase()}`}>
        <dt className="txt-compact-small text-ui-fg-subtle">{label}</dt>
        <dd className="txt-compact-xlarge-plus text-ui-fg-base">{value.toLocaleString()}</dd>
      </div>
    ))}
  </dl>
)

/** The audience in words: "Groups: Creators · Status: active". */
const AudienceSummary = ({ broadcast }: { broadcast: Broadcast }) => {
  const { affiliate_groups } = useAffiliateGroups()
  const { users } = useAdminUsers()
  const { group_ids, statuses, manager_ids, affiliate_ids } = broadcast.audience
  const parts: string[] = []
  if (group_ids?.length) {
    const names = group_ids.map((id) => affiliate_groups?.find((group) => group.id === id)?.name ?? id)
    parts.push(`Groups: ${names.join(", ")}`)
  }
  if (statuses?.length) {
    parts.push(`Status: ${statuses.join(", ")}`)
  }
  if (manager_ids?.length) {
    const names = manager_ids.map((id) => {
      const user = users?.find((each) => each.id === id)
      return user ? userDisplayName(user) : id
    })
    parts.push(`Manager: ${names.join(", ")}`)
  }
  if (affiliate_ids?.length) {
    parts.push(`Hand-picked: ${plural(affiliate_ids.length, "affiliate")}`)
  }
  return (
    <Text size="small" className="whitespace-pre-line" data-testid="broadcast-audience">
      {parts.join("\n") || "-"}
    </Text>
  )
}
