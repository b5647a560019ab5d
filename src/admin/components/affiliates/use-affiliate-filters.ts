import { createDataTableFilterHelper } from "@medusajs/ui"
import { useMemo } from "react"
import type { AdminAffiliate } from "../../../types/http"
import { AFFILIATE_STATUS_OPTIONS } from "../../lib/affiliate-status"
import { useGroupChoices, useManagerChoices } from "./use-affiliate-choices"

/** Filter ids are the list route's query names, so the URL state goes to the API as is. */
export const AFFILIATE_FILTER_IDS = ["status", "group_id", "manager_id"] as const

const filterHelper = createDataTableFilterHelper<AdminAffiliate>()

export const useAffiliateFilters = ({ showGroup = true }: { showGroup?: boolean } = {}) => {
  const groups = useGroupChoices()
  const managers = useManagerChoices()

  return useMemo(
    () => [
      filterHelper.accessor("status", {
        label: "Status",
        type: "multiselect",
        options: AFFILIATE_STATUS_OPTIONS,
      }),
      ...(showGroup
        ? [
            filterHelper.accessor("group_id", {
              label: "Group",
              type: "multiselect",
              options: groups.choices,
            }),
          ]
        : []),
      filterHelper.accessor("manager_id", {
        label: "Manager",
        type: "multiselect",
        options: managers.choices,
      }),
    ],
    [showGroup, groups.choices, managers.choices],
  )
}
