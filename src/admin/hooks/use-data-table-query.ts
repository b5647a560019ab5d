import { useQueryParams } from "../lib/dashboard"

/**
 * The API query a dashboard `DataTable` keeps in the URL: `q`, `offset`, and
 * each filter as JSON (a string for select filters, an array for multiselect).
 */
export function useDataTableQuery<TFilter extends string>({
  filterIds,
  pageSize,
}: {
  filterIds: TFilter[]
  pageSize: number
}) {
  const params = useQueryParams(["q", "offset", ...filterIds])
  const filters: Partial<Record<TFilter, string | string[]>> = {}
  for (const id of filterIds) {
    const raw = params[id]
    if (raw) {
      try {
        const value = JSON.parse(raw)
        if (typeof value === "string" || (Array.isArray(value) && value.length)) {
          filters[id] = value
        }
      } catch {
        // a hand-edited URL: ignore the broken filter rather than fail the page
      }
    }
  }
  return {
    ...filters,
    ...(params.q ? { q: params.q } : {}),
    limit: pageSize,
    offset: params.offset ? Number(params.offset) || 0 : 0,
  }
}
