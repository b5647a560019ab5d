import { DataTable, useDate, useQueryParams } from "../../lib/dashboard"
import {
  Container,
  Text,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
} from "@medusajs/ui"
import { useMemo } from "react"
import type { AdminAffiliateGroup } from "../../../types/http"
import { useAffiliateGroups } from "../../hooks/api/affiliate-groups"
import { useDataTableQuery } from "../../hooks/use-data-table-query"
import { MessagingBadge } from "./messaging-badge"

const PAGE_SIZE = 20

const columnHelper = createDataTableColumnHelper<AdminAffiliateGroup>()
const filterHelper = createDataTableFilterHelper<AdminAffiliateGroup>()

const FILTERS = [
  filterHelper.accessor("messaging_enabled", {
    label: "Messaging",
    type: "radio",
    options: [
      { label: "On", value: "true" },
      { label: "Off", value: "false" },
    ],
  }),
]

const useGroupColumns = () => {
  const { getFullDate } = useDate()

  return useMemo(
    () => [
      columnHelper.accessor("name", {
        header: "Name",
        enableSorting: true,
        sortLabel: "Name",
        sortAscLabel: "A to Z",
        sortDescLabel: "Z to A",
      }),
      columnHelper.accessor("messaging_enabled", {
        header: "Messaging",
        cell: ({ getValue }) => <MessagingBadge enabled={getValue()} />,
      }),
      columnHelper.accessor("messaging_disabled_message", {
        header: "Message when off",
        // the cell truncates long texts and shows them whole in a tooltip
        cell: ({ getValue }) =>
          getValue() ?? (
            <Text size="small" className="text-ui-fg-muted">
              Default message
            </Text>
          ),
        maxSize: 400,
      }),
      columnHelper.accessor("created_at", {
        header: "Created",
        cell: ({ getValue }) => getFullDate({ date: getValue() }),
        enableSorting: true,
        sortLabel: "Created",
        sortAscLabel: "Oldest first",
        sortDescLabel: "Newest first",
      }),
    ],
    [getFullDate],
  )
}

export const AffiliateGroupsTable = () => {
  const query = useDataTableQuery({ filterIds: ["messaging_enabled"], pageSize: PAGE_SIZE })
  const { order } = useQueryParams(["order"])
  const { affiliate_groups, count, isPending, isError, error } = useAffiliateGroups({
    ...(query as Parameters<typeof useAffiliateGroups>[0]),
    order: order ?? "name",
  })
  const columns = useGroupColumns()

  if (isError) {
    throw error
  }

  return (
    <Container className="overflow-hidden p-0">
      <DataTable<AdminAffiliateGroup>
        data={affiliate_groups}
        columns={columns}
        filters={FILTERS}
        getRowId={(row) => row.id}
        rowCount={count}
        pageSize={PAGE_SIZE}
        isLoading={isPending}
        heading="Affiliate groups"
        subHeading="Groups sort affiliates and can turn messaging off for all of them at once."
        action={{ label: "Create", to: "/affiliates/groups/create" }}
        rowHref={(row) => `/affiliates/groups/${row.id}`}
        emptyState={{
          empty: {
            heading: "No groups yet",
            description: "Create a group to sort affiliates and control their messaging together.",
          },
          filtered: {
            heading: "No results",
            description: "No groups match the current search and filters.",
          },
        }}
      />
    </Container>
  )
}
