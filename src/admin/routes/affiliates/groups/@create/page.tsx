import { RouteFocusModal } from "@medusajs/dashboard/components"
import { CreateGroupForm } from "../../../../components/affiliate-groups/create-group-form"

const CreateAffiliateGroupPage = () => (
  <RouteFocusModal>
    <CreateGroupForm />
  </RouteFocusModal>
)

export default CreateAffiliateGroupPage
