import { RouteDrawer } from "@medusajs/dashboard/components"
import { Heading } from "@medusajs/ui"
import { useParams } from "react-router-dom"
import { EditAffiliateForm } from "../../../../components/affiliates/edit-affiliate-form"
import { useAffiliate } from "../../../../hooks/api/affiliates"

const EditAffiliatePage = () => {
  const { id } = useParams()
  const { affiliate, isError, error } = useAffiliate(id!)

  if (isError) {
    throw error
  }

  return (
    <RouteDrawer>
      <RouteDrawer.Header>
        <RouteDrawer.Title asChild>
          <Heading>Edit affiliate</Heading>
        </RouteDrawer.Title>
        <RouteDrawer.Description className="sr-only">
          Change the affiliate's name, email, group and manager.
        </RouteDrawer.Description>
      </RouteDrawer.Header>
      {affiliate && <EditAffiliateForm affiliate={affiliate} />}
    </RouteDrawer>
  )
}

export default EditAffiliatePage
