import { RouteFocusModal } from "../../../lib/dashboard"
import { CreateAffiliateForm } from "../../../components/affiliates/create-affiliate-form"
import { withDashboardExtensions } from "../../../components/dashboard-required"

const CreateAffiliatePage = () => (
  <RouteFocusModal>
    <CreateAffiliateForm />
  </RouteFocusModal>
)

export default withDashboardExtensions(CreateAffiliatePage)
