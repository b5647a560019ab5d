import { DataTable, useQueryParams, type DataTableProps } from "../../lib/dashboard"
import type { AdminAffiliate } from "../../../types/http"
import { useAffiliates } from "../../hooks/api/affiliates"
import { useDataTableQuery } from "../../hooks/use-data-table-query"
import { useAffiliateColumns } from "./use-affiliate-columns"
import { AFFILIATE_FILTER_IDS, useAffiliateFilters } from "./use-affiliate-filters"

const PAGE_SIZE = 20

type AffiliatesTableProps = {
  /** Only this group's affiliates (its page): no group column or filter then. */
  groupId?: string
  heading: string
  subHeading?: string
  actions?: DataTableProps<AdminAffiliate>["actions"]
  emptyState: DataTableProps<AdminAffiliate>["emptyState"]
}

/** Affiliates with server-side search, filters, sorting and pages, all kept in the URL. */
export const AffiliatesTable = ({
  groupId,
  heading,
  subHeading,
  actions,
  emptyState,
}: AffiliatesTableProps) => {
  const showGroup = !groupId
  const query = useDataTableQuery({
    filterIds: AFFILIATE_FILTER_IDS.filter((id) => showGroup || id !== "group_id"),
    pageSize: PAGE_SIZE,
  })
  const { order } = useQueryParams(["order"])
  const { affiliates, count, isPending, isError, error } = useAffiliates({
    ...(query as Parameters<typeof useAffiliates>[0]),
    ...(groupId ? { group_id: groupId } : {}),
    order: order ?? "-created_at",
    fields: "+group.id,+group.name",
  })
  const columns = useAffiliateColumns({ showGroup })
  const filters = useAffiliateFilters({ showGroup })

  if (isError) {
    throw error
  }

  return (
    <DataTable<AdminAffiliate>
      data={affiliates}
      columns={columns}
      filters={filters}
      getRowId={(row) => row.id}
      rowCount={count}
      pageSize={PAGE_SIZE}
      isLoading={isPending}
      heading={heading}
      headingLevel={groupId ? "h2" : "h1"}
      subHeading={subHeading}
      actions={actions}
      rowHref={(row) => `/affiliates/${row.id}`}
      emptyState={emptyState}
    />
  )
}
