import { createDataTableFilterHelper } from "@medusajs/ui"
import { useMemo } from "react"
import type { Conversation } from "../../../types/http"
import { useAffiliateGroups } from "../../hooks/api/affiliate-groups"
import { useAdminUsers, userDisplayName } from "../../hooks/api/users"
import { AFFILIATE_STATUS_OPTIONS } from "../../lib/affiliate-status"

export const INBOX_FILTER_IDS = ["group_id", "manager_id", "affiliate_status"] as const

const filterHelper = createDataTableFilterHelper<Conversation>()

/** Filters by the affiliate's group, manager and status: the inbox's index-backed fields. */
export const useInboxFilters = () => {
  const { affiliate_groups } = useAffiliateGroups()
  const { users } = useAdminUsers()

  return useMemo(
    () => [
      filterHelper.accessor("group_id" as any, {
        label: "Group",
        type: "multiselect",
        options: (affiliate_groups ?? []).map((group) => ({ label: group.name, value: group.id })),
      }),
      filterHelper.accessor("manager_id" as any, {
        label: "Manager",
        type: "multiselect",
        options: (users ?? []).map((user) => ({ label: userDisplayName(user), value: user.id })),
      }),
      filterHelper.accessor("affiliate_status" as any, {
        label: "Status",
        type: "multiselect",
        options: AFFILIATE_STATUS_OPTIONS,
      }),
    ],
    [affiliate_groups, users]
  )
}
