import { useQuery } from "@tanstack/react-query"
import { queryKeysFactory } from "../../lib/query-key-factory"
import { sdk } from "../../lib/sdk"

export const adminUsersQueryKeys = queryKeysFactory("affiliate_managers")

/** Admin users, the possible affiliate managers; a store has few of them. */
export const useAdminUsers = () => {
  const { data, ...rest } = useQuery({
    queryKey: adminUsersQueryKeys.list({ limit: 100 }),
    queryFn: () => sdk.admin.user.list({ limit: 100, fields: "id,email,first_name,last_name" }),
  })
  return { ...data, ...rest }
}

export const userDisplayName = (user: {
  first_name?: string | null
  last_name?: string | null
  email: string
}) => [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email
