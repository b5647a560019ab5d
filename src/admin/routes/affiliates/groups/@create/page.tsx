import { RouteFocusModal } from "../../../../lib/dashboard"
import { CreateGroupForm } from "../../../../components/affiliate-groups/create-group-form"
import { withDashboardExtensions } from "../../../../components/dashboard-required"

const CreateAffiliateGroupPage = () => (
  <RouteFocusModal>
    <CreateGroupForm />
  </RouteFocusModal>
)

export default withDashboardExtensions(CreateAffiliateGroupPage)
