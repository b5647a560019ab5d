import { defineRouteConfig } from "@medusajs/admin-sdk"
import { LayoutComposer } from "@medusajs/dashboard/components"
import { Users } from "@medusajs/icons"
import { Container } from "@medusajs/ui"
import { AffiliatesTable } from "../../components/affiliates/affiliates-table"

const AffiliatesPage = () => (
  <LayoutComposer
    widgetsZonePrefix="affiliate.list"
    preferredLayoutId="core:single-column"
    sections={{
      main: (
        <LayoutComposer.Entry id="AffiliateListTable">
          <Container className="overflow-hidden p-0">
            <AffiliatesTable
              heading="Affiliates"
              actions={[
                { label: "Groups", to: "/affiliates/groups" },
                { label: "Create", to: "/affiliates/create" },
              ]}
              emptyState={{
                empty: {
                  heading: "No affiliates yet",
                  description:
                    "Affiliates appear here when they sign up in your store, or when you create one.",
                },
                filtered: {
                  heading: "No results",
                  description: "No affiliates match the current search and filters.",
                },
              }}
            />
          </Container>
        </LayoutComposer.Entry>
      ),
    }}
  />
)

export const config = defineRouteConfig({
  label: "Affiliates",
  icon: Users,
})

export const handle = {
  breadcrumb: () => "Affiliates",
}

export default AffiliatesPage
