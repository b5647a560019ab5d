import { Container, Heading } from "@medusajs/ui"
import { SectionRow } from "../../lib/dashboard"
import { Link } from "react-router-dom"
import type { Conversation } from "../../../types/http"
import { useAffiliateGroup } from "../../hooks/api/affiliate-groups"
import { useAdminUsers, userDisplayName } from "../../hooks/api/users"
import { audienceLabel } from "../../lib/audience-label"
import { AffiliateStatusBadge } from "../affiliate-status-badge"

/** The thread's affiliate at a glance, with links to change it. */
export const ThreadAffiliateSection = ({ conversation }: { conversation: Conversation }) => {
  const { affiliate } = conversation
  const { affiliate_group } = useAffiliateGroup(affiliate.group_id)
  const { users } = useAdminUsers()
  const manager = users?.find((user) => user.id === affiliate.manager_id)

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Affiliate</Heading>
      </div>
      <SectionRow
        title="Name"
        value={
          <Link to={`/affiliates/${affiliate.id}`} className="text-ui-fg-interactive hover:underline">
            {affiliate.name}
          </Link>
        }
      />
      <SectionRow title="Email" value={affiliate.email} />
      <SectionRow title="Status" value={<AffiliateStatusBadge status={affiliate.status} />} />
      <SectionRow
        title="Group"
        value={
          affiliate_group ? (
            <Link to={`/affiliates/groups/${affiliate_group.id}`} className="text-ui-fg-interactive hover:underline">
              {affiliate_group.name}
            </Link>
          ) : (
            "-"
          )
        }
      />
      <SectionRow title="Manager" value={manager ? userDisplayName(manager) : "-"} />
      <SectionRow title="Thread with" value={audienceLabel(conversation)} />
    </Container>
  )
}
