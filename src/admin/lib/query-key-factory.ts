/**
 * Query keys in the dashboard's shape (`[resource, "list", query]`,
 * `[resource, "detail", id, query]`), so invalidating `all` or `lists()`
 * refreshes every cached page of a resource.
 */
export function queryKeysFactory<TResource extends string>(resource: TResource) {
  const all = [resource] as const
  return {
    all,
    lists: () => [...all, "list"] as const,
    list: (query?: object) => [...all, "list", query ?? {}] as const,
    details: () => [...all, "detail"] as const,
    detail: (id: string, query?: object) => [...all, "detail", id, query ?? {}] as const,
  }
}
