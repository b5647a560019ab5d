import type { SendParties } from "../../../../types/affiliate-module"

/** The affiliate's columns as a send reads them, its group's flattened beside them. */
export type SendAffiliateRow = Omit<SendParties["affiliate"], "group"> & {
  group_name: string | null
  messaging_enabled: boolean | null
  messaging_disabled_message: string | null
}

/** The affiliate a send copies and checks, from its row; shared by the parties and the member's access. */
export function sendAffiliateOf(row: SendAffiliateRow): SendParties["affiliate"] {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    status: row.status,
    group_id: row.group_id,
    manager_id: row.manager_id,
    // messaging_enabled is never null on a group: null means the join found none
    group: row.messaging_enabled !== null
      ? { name: row.group_name!, messaging_enabled: row.messaging_enabled!, messaging_disabled_message: row.messaging_disabled_message }
      : null,
  }
}
