import { useSearchParams } from "react-router-dom"

/** The named search params of the current URL (`prefix_key` when a prefix is given). */
export function useQueryParams<T extends string>(keys: T[], prefix?: string): Record<T, string | undefined> {
  const [params] = useSearchParams()
  const result = {} as Record<T, string | undefined>
  for (const key of keys) {
    result[key] = params.get(prefix ? `${prefix}_${key}` : key) || undefined
  }
  return result
}
