import { useParams } from "react-router-dom"
import { InviteMemberForm } from "../../../../components/affiliates/invite-member-form"
import { useAffiliate } from "../../../../hooks/api/affiliates"
import { FormDrawer } from "../../../../components/form-drawer"

const InviteMemberPage = () => {
  const { id } = useParams()
  const { affiliate, isError, error } = useAffiliate(id!)

  if (isError) {
    throw error
  }

  return (
    <FormDrawer
      title="Invite member"
      description="Invite someone to join this affiliate's team."
    >
      {affiliate && <InviteMemberForm affiliate={affiliate} />}
    </FormDrawer>
  )
}

export default InviteMemberPage
