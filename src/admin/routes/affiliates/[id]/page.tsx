import { LayoutComposer } from "@medusajs/dashboard/components"
import { JsonViewSection } from "../../../lib/dashboard"
import type { UIMatch } from "react-router-dom"
import { useParams } from "react-router-dom"
import { AffiliateBreadcrumb } from "../../../components/affiliates/affiliate-breadcrumb"
import { AffiliateGeneralSection } from "../../../components/affiliates/affiliate-general-section"
import { AffiliateMembersSection } from "../../../components/affiliates/affiliate-members-section"
import { AffiliateMessagingSection } from "../../../components/affiliates/affiliate-messaging-section"
import { useAffiliate } from "../../../hooks/api/affiliates"
import { PageSkeleton } from "../../../components/page-skeleton"

const AffiliateDetailPage = () => {
  const { id } = useParams()
  const { affiliate, isPending, isError, error } = useAffiliate(id!)

  if (isError) {
    throw error
  }
  if (isPending || !affiliate) {
    return <PageSkeleton side />
  }

  return (
    <LayoutComposer
      widgetsZonePrefix="affiliate.details"
      preferredLayoutId="core:two-column"
      data={affiliate}
      sections={{
        main: (
          <>
            <LayoutComposer.Entry id="AffiliateGeneralSection">
              <AffiliateGeneralSection affiliate={affiliate} />
            </LayoutComposer.Entry>
            <LayoutComposer.Entry id="AffiliateMembersSection">
              <AffiliateMembersSection affiliate={affiliate} />
            </LayoutComposer.Entry>
            <LayoutComposer.Entry id="AffiliateJsonSection">
              <JsonViewSection data={affiliate} />
            </LayoutComposer.Entry>
          </>
        ),
        side: (
          <LayoutComposer.Entry id="AffiliateMessagingSection">
            <AffiliateMessagingSection affiliate={affiliate} />
          </LayoutComposer.Entry>
        ),
      }}
    />
  )
}

export const handle = {
  breadcrumb: (match: UIMatch) => <AffiliateBreadcrumb {...match} />,
}

export default AffiliateDetailPage
