/**
 * The building blocks of the plugin's pages, under the names Medusa Admin's
 * own code gives them. They are the plugin's own (components/common,
 * components/modals, hooks), built on @medusajs/ui, react-router-dom and
 * react-hook-form only, as Medusa's official plugins (draft-order) carry
 * theirs: `@medusajs/dashboard` exports its versions only from 2.21.0 on,
 * and the plugin's pages work on every Medusa from 2.19.0
 * (docs/decisions/0011-admin-pages-without-dashboard-exports.md).
 */
export { ActionMenu, type Action, type ActionGroup } from "../components/common/action-menu"
export { DataTable, type DataTableProps } from "../components/common/data-table"
export { Form } from "../components/common/form"
export { JsonViewSection } from "../components/common/json-view-section"
export { KeyboundForm } from "../components/common/keybound-form"
export { SectionRow } from "../components/common/section-row"
export { RouteDrawer } from "../components/modals/route-drawer"
export { RouteFocusModal } from "../components/modals/route-focus-modal"
export { useRouteModal } from "../components/modals/route-modal-provider"
export { useDate } from "../hooks/use-date"
export { useDebouncedSearch } from "../hooks/use-debounced-search"
export { useQueryParams } from "../hooks/use-query-params"
