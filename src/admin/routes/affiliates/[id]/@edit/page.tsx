import { useParams } from "react-router-dom"
import { EditAffiliateForm } from "../../../../components/affiliates/edit-affiliate-form"
import { useAffiliate } from "../../../../hooks/api/affiliates"
import { FormDrawer } from "../../../../components/form-drawer"

const EditAffiliatePage = () => {
  const { id } = useParams()
  const { affiliate, isError, error } = useAffiliate(id!)

  if (isError) {
    throw error
  }

  return (
    <FormDrawer
      title="Edit affiliate"
      description="Change the affiliate's name, email, group and manager."
    >
      {affiliate && <EditAffiliateForm affiliate={affiliate} />}
    </FormDrawer>
  )
}

export default EditAffiliatePage
