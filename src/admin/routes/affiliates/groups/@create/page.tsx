import { RouteFocusModal } from "../../../../lib/dashboard"
import { CreateGroupForm } from "../../../../components/affiliate-groups/create-group-form"

const CreateAffiliateGroupPage = () => (
  <RouteFocusModal>
    <CreateGroupForm />
  </RouteFocusModal>
)

export default CreateAffiliateGroupPage
