import * as components from "@medusajs/dashboard/components"
import * as hooks from "@medusajs/dashboard/hooks"

/**
 * The dashboard components and hooks the plugin's pages are built from.
 * `@medusajs/dashboard` exports them from 2.21.0 on; 2.19 and 2.20 export
 * only `LayoutComposer`. A named import of a missing export fails the
 * store's whole admin build (Rollup's MISSING_EXPORT error), so they are read
 * from the modules' namespaces, where a missing one is just `undefined`,
 * and the pages check `dashboardExtensionsAvailable` first
 * (`withDashboardExtensions`): on an older Medusa the store's admin builds and
 * runs, and the plugin's pages say what they need.
 */
export const {
  ActionMenu,
  DataTable,
  Form,
  JsonViewSection,
  KeyboundForm,
  RouteDrawer,
  RouteFocusModal,
  SectionRow,
  useRouteModal,
} = components
export const { useDate, useDebouncedSearch, useQueryParams } = hooks

// all of them arrived together, in 2.21.0 (none is exported by 2.20.1)
export const dashboardExtensionsAvailable = RouteDrawer !== undefined && useQueryParams !== undefined
