import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

/**
 * The Medusa store's name (Settings → Store), for the merge-tag preview: the
 * server fills `{{store.name}}` with it too, and with the plugin's
 * `storeName` option only for a store without a name.
 */
export const useStoreName = () => {
  const { data } = useQuery({
    queryKey: ["affiliate_messaging_store_name"],
    queryFn: () => sdk.admin.store.list({ fields: "id,name" }),
    staleTime: Infinity,
  })
  return data?.stores?.[0]?.name
}
