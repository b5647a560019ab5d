import { LayoutComposer } from "@medusajs/dashboard/components"
import { AffiliateGroupsTable } from "../../../components/affiliate-groups/affiliate-groups-table"

const AffiliateGroupsPage = () => (
  <LayoutComposer
    widgetsZonePrefix="affiliate_group.list"
    preferredLayoutId="core:single-column"
    sections={{
      main: (
        <LayoutComposer.Entry id="AffiliateGroupListTable">
          <AffiliateGroupsTable />
        </LayoutComposer.Entry>
      ),
    }}
  />
)

export const handle = {
  breadcrumb: () => "Groups",
}

export default AffiliateGroupsPage
