import {
  Button,
  DataTable as UiDataTable,
  Heading,
  Text,
  Tooltip,
  useDataTable,
  type DataTableColumnDef,
  type DataTableEmptyStateProps,
  type DataTableFilter,
  type DataTableFilteringState,
  type DataTablePaginationState,
  type DataTableSortingState,
} from "@medusajs/ui"
import { useCallback, useMemo, type MouseEvent, type ReactNode } from "react"
import { Link, useHref, useNavigate, useSearchParams } from "react-router-dom"
import { useQueryParams } from "../../hooks/use-query-params"

type DataTableActionProps = {
  label: string
  disabled?: boolean
  tooltip?: ReactNode
} & ({ to: string } | { onClick: () => void })

export interface DataTableProps<TData> {
  data?: TData[]
  columns: DataTableColumnDef<TData, any>[]
  filters?: DataTableFilter[]
  action?: DataTableActionProps
  actions?: DataTableActionProps[]
  rowCount?: number
  getRowId: (row: TData) => string
  enablePagination?: boolean
  enableSearch?: boolean
  autoFocusSearch?: boolean
  rowHref?: (row: TData) => string
  emptyState?: DataTableEmptyStateProps
  heading?: string
  headingLevel?: "h1" | "h2" | "h3"
  subHeading?: string
  /** Prefix of this table's search params, for two tables on one page. */
  prefix?: string
  pageSize?: number
  isLoading?: boolean
  layout?: "fill" | "auto"
  filterBarContent?: ReactNode
}

const PAGINATION_TRANSLATIONS = { of: "of", results: "results", pages: "pages", prev: "Prev", next: "Next" }
const TOOLBAR_TRANSLATIONS = { clearAll: "Clear all", sort: "Sort", filter: "Filter", columns: "Columns" }

const paramKey = (key: string, prefix?: string) => (prefix ? `${prefix}_${key}` : key)

// a select filter's value is a string; `?flag=false` typed by hand parses to a boolean, which matches no option
const parseFilterValue = (raw: string): unknown => {
  try {
    const parsed = JSON.parse(raw)
    return typeof parsed === "boolean" ? raw : parsed
  } catch {
    return raw
  }
}

/**
 * `@medusajs/ui`'s DataTable as Medusa Admin's list pages use it: search,
 * filters (JSON in the URL), sorting (`order=-created_at`) and pages
 * (`offset`) kept in the URL's search params, heading and actions in the
 * toolbar, rows that open their page (Cmd/Ctrl-click: a new tab).
 */
export const DataTable = <TData,>({
  data = [],
  columns,
  filters,
  action,
  actions,
  getRowId,
  rowCount = 0,
  enablePagination = true,
  enableSearch = true,
  autoFocusSearch = false,
  rowHref,
  heading,
  headingLevel = "h1",
  subHeading,
  prefix,
  pageSize = 10,
  emptyState,
  isLoading = false,
  layout = "auto",
  filterBarContent,
}: DataTableProps<TData>) => {
  const enableFiltering = !!filters?.length
  const enableSorting = columns.some((column) => column.enableSorting)
  const filterIds = useMemo(() => filters?.map((filter) => filter.id) ?? [], [filters])

  const { offset, order, q, ...filterParams } = useQueryParams(
    [
      ...filterIds,
      ...(enableSorting ? ["order"] : []),
      ...(enableSearch ? ["q"] : []),
      ...(enablePagination ? ["offset"] : []),
    ],
    prefix,
  )
  const [, setSearchParams] = useSearchParams()
  const setParam = (key: string, value: string | undefined) =>
    setSearchParams((previous) => {
      if (value) {
        previous.set(paramKey(key, prefix), value)
      } else {
        previous.delete(paramKey(key, prefix))
      }
      return previous
    })

  const pagination: DataTablePaginationState = useMemo(
    () => ({ pageIndex: offset ? Math.floor(parseInt(offset) / pageSize) : 0, pageSize }),
    [offset, pageSize],
  )

  const filterValues = filterIds.map((id) => (filterParams as Record<string, string | undefined>)[id])
  const filtering: DataTableFilteringState = useMemo(() => {
    const state: DataTableFilteringState = {}
    filterIds.forEach((id, index) => {
      if (filterValues[index] !== undefined) {
        state[id] = parseFilterValue(filterValues[index]!)
      }
    })
    return state
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filterIds, filterValues.join("\n")])

  const handleFilteringChange = (value: DataTableFilteringState) =>
    setSearchParams((previous) => {
      for (const id of filterIds) {
        const filter = value[id]
        if (filter === undefined) {
          previous.delete(paramKey(id, prefix))
        } else {
          previous.set(paramKey(id, prefix), JSON.stringify(filter))
        }
      }
      return previous
    })

  const sorting: DataTableSortingState | null = useMemo(
    () => (order ? { id: order.replace(/^-/, ""), desc: order.startsWith("-") } : null),
    [order],
  )

  const navigate = useNavigate()
  const basePath = useHref("/").replace(/\/$/, "")
  const onRowClick = useCallback(
    (event: MouseEvent<HTMLTableRowElement>, row: TData) => {
      const href = rowHref!(row)
      if (event.metaKey || event.ctrlKey || event.button === 1) {
        window.open(`${basePath}${href}`, "_blank", "noreferrer")
      } else if (event.shiftKey) {
        window.open(`${basePath}${href}`, undefined, "noreferrer")
      } else {
        navigate(href)
      }
    },
    [navigate, rowHref, basePath],
  )

  const instance = useDataTable({
    data,
    columns,
    filters,
    rowCount,
    getRowId,
    onRowClick: rowHref ? onRowClick : undefined,
    pagination: enablePagination
      ? {
          state: pagination,
          onPaginationChange: (value) =>
            setParam("offset", value.pageIndex ? String(value.pageIndex * value.pageSize) : undefined),
        }
      : undefined,
    filtering: enableFiltering ? { state: filtering, onFilteringChange: handleFilteringChange } : undefined,
    sorting: enableSorting
      ? {
          state: sorting,
          onSortingChange: (value) => setParam("order", value ? `${value.desc ? "-" : ""}${value.id}` : undefined),
        }
      : undefined,
    search: enableSearch ? { state: q ?? "", onSearchChange: (value) => setParam("q", value) } : undefined,
    isLoading,
  })

  return (
    <UiDataTable instance={instance} className={layout === "fill" ? "h-full [&_tr]:last-of-type:!border-b" : undefined}>
      <UiDataTable.Toolbar
        className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center"
        translations={TOOLBAR_TRANSLATIONS}
        filterBarContent={filterBarContent}
        alwaysShowFilterBar={enableFiltering}
      >
        <div className="flex w-full items-center justify-between gap-2">
          <div className="flex items-center gap-x-4">
            {(heading || subHeading) && (
              <div>
                {heading && <Heading level={headingLevel}>{heading}</Heading>}
                {subHeading && (
                  <Text size="small" className="text-ui-fg-subtle">
                    {subHeading}
                  </Text>
                )}
              </div>
            )}
          </div>
          <div className="flex items-center gap-x-2">
            {enableFiltering && <UiDataTable.FilterMenu tooltip={TOOLBAR_TRANSLATIONS.filter} />}
            {enableSorting && <UiDataTable.SortingMenu tooltip={TOOLBAR_TRANSLATIONS.sort} />}
            {enableSearch && (
              <div className="w-full md:w-auto">
                <UiDataTable.Search placeholder="Search" autoFocus={autoFocusSearch} />
              </div>
            )}
            {actions?.length ? (
              <div className="flex items-center gap-x-2">
                {actions.map((each, index) => (
                  <DataTableAction key={index} {...each} />
                ))}
              </div>
            ) : (
              action && <DataTableAction {...action} />
            )}
          </div>
        </div>
      </UiDataTable.Toolbar>
      <UiDataTable.Table emptyState={emptyState} />
      {enablePagination && <UiDataTable.Pagination translations={PAGINATION_TRANSLATIONS} />}
    </UiDataTable>
  )
}

const DataTableAction = ({ label, disabled = false, tooltip, ...target }: DataTableActionProps) => {
  const buttonProps = { size: "small", disabled, type: "button", variant: "secondary" } as const
  const button =
    "to" in target && !disabled ? (
      <Button {...buttonProps} asChild>
        <Link to={target.to}>{label}</Link>
      </Button>
    ) : (
      <Button {...buttonProps} onClick={"onClick" in target ? target.onClick : undefined}>
        {label}
      </Button>
    )
  return tooltip ? <Tooltip content={tooltip}>{button}</Tooltip> : button
}
