import { Container, StatusBadge, Text, createDataTableColumnHelper, createDataTableFilterHelper } from "@medusajs/ui"
import { useMemo } from "react"
import { Link } from "react-router-dom"
import {
  useBroadcastRecipients,
  type Broadcast,
  type BroadcastRecipient,
} from "../../hooks/api/broadcasts"
import { useDataTableQuery } from "../../hooks/use-data-table-query"
import { DataTable, useDate } from "../../lib/dashboard"
import { SKIP_REASON_LABELS } from "./skip-reasons"

const PAGE_SIZE = 20

const columnHelper = createDataTableColumnHelper<BroadcastRecipient>()
const filterHelper = createDataTableFilterHelper<BroadcastRecipient>()

const STATUS_LABELS = { pending: "Pending", delivered: "Delivered", skipped: "Skipped" } as const
const STATUS_COLORS = { pending: "orange", delivered: "green", skipped: "grey" } as const

const FILTERS = [
  filterHelper.accessor("status", {
    label: "Status",
    type: "radio",
    options: Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })),
  }),
]

const useRecipientColumns = () => {
  const { getFullDate } = useDate()
  const when = (value: string | null) => (value ? getFullDate({ date: value, includeTime: true }) : "-")
  return useMemo(
    () => [
      columnHelper.accessor("affiliate.name", {
        header: "Affiliate",
        cell: ({ row }) => (
          <div className="flex min-w-0 flex-col">
            <Text size="small" weight="plus" className="truncate">
              {row.original.affiliate.name}
            </Text>
            <Text size="xsmall" className="text-ui-fg-muted truncate">
              {row.original.affiliate.email}
            </Text>
          </div>
        ),
      }),
      columnHelper.accessor("status", {
        header: "Status",
        cell: ({ row }) => (
          <div className="flex flex-col gap-y-0.5">
            <StatusBadge color={STATUS_COLORS[row.original.status]}>{STATUS_LABELS[row.original.status]}</StatusBadge>
            {row.original.reason && (
              <Text size="xsmall" className="text-ui-fg-muted">
                {SKIP_REASON_LABELS[row.original.reason] ?? row.original.reason}
              </Text>
            )}
          </div>
        ),
      }),
      columnHelper.accessor("read_at", { header: "Read", cell: ({ getValue }) => when(getValue()) }),
      columnHelper.accessor("replied_at", { header: "Replied", cell: ({ getValue }) => when(getValue()) }),
      columnHelper.display({
        id: "thread",
        header: "Thread",
        cell: ({ row }) =>
          row.original.conversation_id ? (
            <Link
              to={`/messages/${row.original.conversation_id}`}
              className="text-ui-fg-interactive txt-compact-small hover:underline"
              data-testid="recipient-thread-link"
              onClick={(event) => event.stopPropagation()}
            >
              Open thread
            </Link>
          ) : (
            "-"
          ),
      }),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [getFullDate]
  )
}

/** Each recipient affiliate with its delivery, read and reply state, and its thread. */
export const BroadcastRecipientsTable = ({ broadcast }: { broadcast: Broadcast }) => {
  const query = useDataTableQuery({ filterIds: ["status"], pageSize: PAGE_SIZE })
  const { recipients, count, isPending, isError, error } = useBroadcastRecipients(
    broadcast.id,
    { limit: query.limit, offset: query.offset, ...(typeof query.status === "string" ? { status: query.status } : {}) },
    broadcast.status
  )
  const columns = useRecipientColumns()

  if (isError) {
    throw error
  }

  return (
    <Container className="overflow-hidden p-0" data-testid="broadcast-recipients">
      <DataTable<BroadcastRecipient>
        data={recipients}
        columns={columns}
        filters={FILTERS}
        getRowId={(row) => row.affiliate.id}
        rowCount={count}
        pageSize={PAGE_SIZE}
        isLoading={isPending}
        enableSearch={false}
        heading="Recipients"
        headingLevel="h2"
        subHeading={
          broadcast.status === "scheduled"
            ? "The recipients are fixed when sending starts."
            : "Each affiliate's copy is in its own team thread."
        }
        emptyState={{
          empty: {
            heading: broadcast.status === "scheduled" ? "Not started yet" : "No recipients",
            description:
              broadcast.status === "scheduled"
                ? "The audience is counted and frozen when the broadcast starts."
                : "No affiliate matched the audience when sending started.",
          },
          filtered: { heading: "No recipients with this status", description: "Try another status." },
        }}
      />
    </Container>
  )
}
