import { RouteDrawer } from "@medusajs/dashboard/components"
import { Heading } from "@medusajs/ui"
import { useParams } from "react-router-dom"
import { InviteMemberForm } from "../../../../components/affiliates/invite-member-form"
import { useAffiliate } from "../../../../hooks/api/affiliates"

const InviteMemberPage = () => {
  const { id } = useParams()
  const { affiliate, isError, error } = useAffiliate(id!)

  if (isError) {
    throw error
  }

  return (
    <RouteDrawer>
      <RouteDrawer.Header>
        <RouteDrawer.Title asChild>
          <Heading>Invite member</Heading>
        </RouteDrawer.Title>
        <RouteDrawer.Description className="sr-only">
          Invite someone to join this affiliate's team.
        </RouteDrawer.Description>
      </RouteDrawer.Header>
      {affiliate && <InviteMemberForm affiliate={affiliate} />}
    </RouteDrawer>
  )
}

export default InviteMemberPage
