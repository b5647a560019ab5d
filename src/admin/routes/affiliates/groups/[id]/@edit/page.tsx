import { RouteDrawer } from "@medusajs/dashboard/components"
import { Heading } from "@medusajs/ui"
import { useParams } from "react-router-dom"
import { EditGroupForm } from "../../../../../components/affiliate-groups/edit-group-form"
import { useAffiliateGroup } from "../../../../../hooks/api/affiliate-groups"

const EditAffiliateGroupPage = () => {
  const { id } = useParams()
  const { affiliate_group: group, isError, error } = useAffiliateGroup(id)

  if (isError) {
    throw error
  }

  return (
    <RouteDrawer>
      <RouteDrawer.Header>
        <RouteDrawer.Title asChild>
          <Heading>Edit group</Heading>
        </RouteDrawer.Title>
        <RouteDrawer.Description className="sr-only">
          Change the group's name and the message its affiliates see while messaging is off.
        </RouteDrawer.Description>
      </RouteDrawer.Header>
      {group && <EditGroupForm group={group} />}
    </RouteDrawer>
  )
}

export default EditAffiliateGroupPage
