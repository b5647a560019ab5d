import { useParams } from "react-router-dom"
import { EditGroupForm } from "../../../../../components/affiliate-groups/edit-group-form"
import { useAffiliateGroup } from "../../../../../hooks/api/affiliate-groups"
import { FormDrawer } from "../../../../../components/form-drawer"

const EditAffiliateGroupPage = () => {
  const { id } = useParams()
  const { affiliate_group: group, isError, error } = useAffiliateGroup(id)

  if (isError) {
    throw error
  }

  return (
    <FormDrawer
      title="Edit group"
      description="Change the group's name and the message its affiliates see while messaging is off."
    >
      {group && <EditGroupForm group={group} />}
    </FormDrawer>
  )
}

export default EditAffiliateGroupPage
