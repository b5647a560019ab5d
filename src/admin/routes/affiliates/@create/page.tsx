import { RouteFocusModal } from "../../../lib/dashboard"
import { CreateAffiliateForm } from "../../../components/affiliates/create-affiliate-form"

const CreateAffiliatePage = () => (
  <RouteFocusModal>
    <CreateAffiliateForm />
  </RouteFocusModal>
)

export default CreateAffiliatePage
