import { Container, Text, createDataTableColumnHelper, createDataTableFilterHelper } from "@medusajs/ui"
import { useMemo } from "react"
import { useBroadcasts, type Broadcast } from "../../hooks/api/broadcasts"
import { useDataTableQuery } from "../../hooks/use-data-table-query"
import { DataTable, useDate } from "../../lib/dashboard"
import { wasScheduled } from "./broadcast-general-section"
import { BROADCAST_STATUS_LABELS, BroadcastStatusBadge } from "./broadcast-status-badge"

const PAGE_SIZE = 20

const columnHelper = createDataTableColumnHelper<Broadcast>()
const filterHelper = createDataTableFilterHelper<Broadcast>()

const FILTERS = [
  filterHelper.accessor("status", {
    label: "Status",
    type: "multiselect",
    options: Object.entries(BROADCAST_STATUS_LABELS).map(([value, label]) => ({ value, label })),
  }),
]

const count = (n: number) => n.toLocaleString()

const useBroadcastColumns = () => {
  const { getFullDate } = useDate()
  return useMemo(
    () => [
      columnHelper.accessor("body", {
        header: "Message",
        cell: ({ row }) => (
          <Text size="small" className="truncate" style={{ maxWidth: 320 }}>
            {row.original.body ||
              `${row.original.attachment_count} file${row.original.attachment_count === 1 ? "" : "s"}`}
          </Text>
        ),
      }),
      columnHelper.accessor("status", {
        header: "Status",
        cell: ({ getValue }) => <BroadcastStatusBadge status={getValue()} />,
      }),
      columnHelper.accessor("recipient_count", { header: "Recipients", cell: ({ getValue }) => count(getValue()) }),
      columnHelper.accessor("delivered_count", { header: "Delivered", cell: ({ getValue }) => count(getValue()) }),
      columnHelper.accessor("skipped_count", { header: "Skipped", cell: ({ getValue }) => count(getValue()) }),
      columnHelper.accessor("read_count", { header: "Read", cell: ({ getValue }) => count(getValue()) }),
      columnHelper.accessor("replied_count", { header: "Replied", cell: ({ getValue }) => count(getValue()) }),
      columnHelper.accessor("created_at", {
        header: "Created",
        cell: ({ getValue }) => getFullDate({ date: getValue(), includeTime: true }),
      }),
      columnHelper.accessor("scheduled_at", {
        header: "Scheduled",
        cell: ({ row }) =>
          wasScheduled(row.original) ? getFullDate({ date: row.original.scheduled_at!, includeTime: true }) : "-",
      }),
    ],
    [getFullDate]
  )
}

/** Every broadcast, newest first, polled while one is on its way. */
export const BroadcastsTable = () => {
  const query = useDataTableQuery({ filterIds: ["status"], pageSize: PAGE_SIZE })
  const { q: _ignored, ...listQuery } = query as typeof query & { q?: string }
  const { broadcasts, count: rowCount, isPending, isError, error } = useBroadcasts(listQuery)
  const columns = useBroadcastColumns()

  if (isError) {
    throw error
  }

  return (
    <Container className="overflow-hidden p-0">
      <DataTable<Broadcast>
        data={broadcasts}
        columns={columns}
        filters={FILTERS}
        getRowId={(row) => row.id}
        rowCount={rowCount}
        pageSize={PAGE_SIZE}
        isLoading={isPending}
        enableSearch={false}
        heading="Broadcasts"
        subHeading="One message to many affiliates, delivered into each one's own team thread."
        actions={[
          { label: "Inbox", to: "/messages" },
          { label: "New broadcast", to: "/messages/broadcasts/create" },
        ]}
        rowHref={(row) => `/messages/broadcasts/${row.id}`}
        emptyState={{
          empty: {
            heading: "No broadcasts yet",
            description: "Announce a new commission tier or a campaign to many affiliates at once with New broadcast.",
          },
          filtered: { heading: "No matching broadcasts", description: "Try another status." },
        }}
      />
    </Container>
  )
}
