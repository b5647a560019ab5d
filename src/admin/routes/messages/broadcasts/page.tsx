import { LayoutComposer } from "@medusajs/dashboard/components"
import { BroadcastsTable } from "../../../components/broadcasts/broadcasts-table"

const BroadcastsPage = () => (
  <LayoutComposer
    widgetsZonePrefix="affiliate_broadcast.list"
    preferredLayoutId="core:single-column"
    sections={{
      main: (
        <LayoutComposer.Entry id="AffiliateBroadcastListTable">
          <BroadcastsTable />
        </LayoutComposer.Entry>
      ),
    }}
  />
)

export const handle = {
  breadcrumb: () => "Broadcasts",
}

export default BroadcastsPage
