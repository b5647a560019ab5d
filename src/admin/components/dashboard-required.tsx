import { Container, Heading, Text } from "@medusajs/ui"
import type { ComponentType } from "react"
import { dashboardExtensionsAvailable } from "../lib/dashboard"

/**
 * A route page, or, when the store's dashboard predates the components the
 * pages are built from (Medusa 2.19 and 2.20), a page saying so: the
 * store's own admin keeps working and the plugin's API, storefront routes
 * and emails work on those versions.
 */
export function withDashboardExtensions<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  return dashboardExtensionsAvailable ? Page : DashboardTooOld
}

function DashboardTooOld() {
  return (
    <Container className="flex flex-col gap-y-2 px-6 py-4">
      <Heading>Affiliate messaging needs Medusa 2.21 or later in Medusa Admin</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        The plugin's admin pages are built from dashboard components that @medusajs/dashboard exports from 2.21.0 on.
        Its API, the storefront routes and the emails work on this version; update @medusajs/medusa to 2.21 or later for
        the inbox and affiliate pages.
      </Text>
    </Container>
  )
}
