import { useDate } from "../../lib/dashboard"
import { Text, Tooltip, clx, createDataTableColumnHelper } from "@medusajs/ui"
import { useMemo } from "react"
import type { Conversation } from "../../../types/http"
import { audienceLabel } from "../../lib/audience-label"
import { AffiliateStatusBadge } from "../affiliate-status-badge"

const columnHelper = createDataTableColumnHelper<Conversation>()

const UnreadDot = ({ unread }: { unread: boolean }) => (
  <span
    aria-label={unread ? "Unread" : undefined}
    data-testid={unread ? "unread-marker" : undefined}
    className={clx("size-2 shrink-0 rounded-full", unread ? "bg-ui-fg-interactive" : "bg-transparent")}
  />
)

export const useInboxColumns = () => {
  const { getFullDate, getRelativeDate } = useDate()

  return useMemo(
    () => [
      columnHelper.display({
        id: "affiliate",
        header: "Affiliate",
        cell: ({ row }) => {
          const conversation = row.original
          return (
            <div className="flex items-center gap-x-3">
              <UnreadDot unread={conversation.unread} />
              <div className="flex min-w-0 flex-col">
                <Text size="small" weight={conversation.unread ? "plus" : "regular"} className="truncate">
                  {conversation.affiliate.name}
                </Text>
                <Text size="xsmall" className="text-ui-fg-muted truncate">
                  {audienceLabel(conversation)}
                </Text>
              </div>
            </div>
          )
        },
      }),
      columnHelper.accessor("last_message_preview", {
        header: "Last message",
        cell: ({ row }) => (
          <Text
            size="small"
            className={clx(
              "block max-w-[420px] truncate",
              row.original.unread ? "text-ui-fg-base" : "text-ui-fg-subtle"
            )}
            weight={row.original.unread ? "plus" : "regular"}
          >
            {row.original.last_message_preview || "-"}
          </Text>
        ),
      }),
      columnHelper.display({
        id: "status",
        header: "Status",
        cell: ({ row }) => <AffiliateStatusBadge status={row.original.affiliate.status} />,
      }),
      columnHelper.accessor("last_message_at", {
        header: "Last activity",
        cell: ({ getValue }) => {
          const value = getValue()
          return value ? (
            <Tooltip content={getFullDate({ date: value, includeTime: true })}>
              <span>{getRelativeDate(value)}</span>
            </Tooltip>
          ) : (
            "-"
          )
        },
      }),
    ],
    [getFullDate, getRelativeDate]
  )
}
