import { useDate } from "../../lib/dashboard"
import { createDataTableColumnHelper } from "@medusajs/ui"
import { useMemo } from "react"
import type { AdminAffiliate } from "../../../types/http"
import { AffiliateStatusBadge } from "../affiliate-status-badge"
import { useManagerChoices } from "./use-affiliate-choices"

const columnHelper = createDataTableColumnHelper<AdminAffiliate>()

/** Sortable columns are the ones the list route can order by. */
export const useAffiliateColumns = ({ showGroup = true }: { showGroup?: boolean } = {}) => {
  const { getFullDate } = useDate()
  const { nameOf } = useManagerChoices()

  return useMemo(
    () => [
      columnHelper.accessor("name", {
        header: "Name",
        enableSorting: true,
        sortLabel: "Name",
        sortAscLabel: "A to Z",
        sortDescLabel: "Z to A",
      }),
      columnHelper.accessor("email", {
        header: "Email",
        enableSorting: true,
        sortLabel: "Email",
        sortAscLabel: "A to Z",
        sortDescLabel: "Z to A",
      }),
      columnHelper.accessor("status", {
        header: "Status",
        cell: ({ getValue }) => <AffiliateStatusBadge status={getValue()} />,
      }),
      ...(showGroup
        ? [
            columnHelper.accessor("group_id", {
              header: "Group",
              cell: ({ row }) => row.original.group?.name ?? "-",
            }),
          ]
        : []),
      columnHelper.accessor("manager_id", {
        header: "Manager",
        cell: ({ getValue }) => nameOf(getValue()) ?? "-",
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
    [showGroup, nameOf, getFullDate],
  )
}
