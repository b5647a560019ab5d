import { LayoutComposer } from "@medusajs/dashboard/components"
import { JsonViewSection } from "../../../../lib/dashboard"
import { Container } from "@medusajs/ui"
import type { UIMatch } from "react-router-dom"
import { useParams } from "react-router-dom"
import { GroupBreadcrumb } from "../../../../components/affiliate-groups/group-breadcrumb"
import { GroupGeneralSection } from "../../../../components/affiliate-groups/group-general-section"
import { AffiliatesTable } from "../../../../components/affiliates/affiliates-table"
import { useAffiliateGroup } from "../../../../hooks/api/affiliate-groups"
import { PageSkeleton } from "../../../../components/page-skeleton"

const AffiliateGroupDetailPage = () => {
  const { id } = useParams()
  const { affiliate_group: group, isPending, isError, error } = useAffiliateGroup(id)

  if (isError) {
    throw error
  }
  if (isPending || !group) {
    return <PageSkeleton />
  }

  return (
    <LayoutComposer
      widgetsZonePrefix="affiliate_group.details"
      preferredLayoutId="core:single-column"
      data={group}
      sections={{
        main: (
          <>
            <LayoutComposer.Entry id="AffiliateGroupGeneralSection">
              <GroupGeneralSection group={group} />
            </LayoutComposer.Entry>
            <LayoutComposer.Entry id="AffiliateGroupAffiliatesSection">
              <Container className="overflow-hidden p-0">
                <AffiliatesTable
                  groupId={group.id}
                  heading="Affiliates"
                  subHeading="Put an affiliate in this group from the affiliate's Edit form."
                  emptyState={{
                    empty: {
                      heading: "No affiliates in this group",
                      description: "Affiliates you put in this group show up here.",
                    },
                    filtered: {
                      heading: "No results",
                      description:
                        "No affiliates in this group match the current search and filters.",
                    },
                  }}
                />
              </Container>
            </LayoutComposer.Entry>
            <LayoutComposer.Entry id="AffiliateGroupJsonSection">
              <JsonViewSection data={group} />
            </LayoutComposer.Entry>
          </>
        ),
      }}
    />
  )
}

export const handle = {
  breadcrumb: (match: UIMatch) => <GroupBreadcrumb {...match} />,
}

export default AffiliateGroupDetailPage
