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
export const ActionMenu = components.ActionMenu
export const DataTable = components.DataTable
export const Form = components.Form
export const JsonViewSection = components.JsonViewSection
export const KeyboundForm = components.KeyboundForm
export const RouteDrawer = components.RouteDrawer
export const RouteFocusModal = components.RouteFocusModal
export const SectionRow = components.SectionRow
export const useRouteModal = components.useRouteModal
export const useDate = hooks.useDate
export const useDebouncedSearch = hooks.useDebouncedSearch
export const useQueryParams = hooks.useQueryParams

export const dashboardExtensionsAvailable = [
  ActionMenu,
  DataTable,
  Form,
  JsonViewSection,
  KeyboundForm,
  RouteDrawer,
  RouteFocusModal,
  SectionRow,
  useRouteModal,
  useDate,
  useDebouncedSearch,
  useQueryParams,
].every((member) => member !== undefined)
