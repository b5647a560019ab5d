import type { UIMatch } from "react-router-dom"
import { useAffiliateGroup } from "../../hooks/api/affiliate-groups"

/** Shares the page's query, so a rename shows in the breadcrumb at once. */
export const GroupBreadcrumb = ({ params }: UIMatch) => {
  const { affiliate_group } = useAffiliateGroup(params.id)
  return affiliate_group ? <span>{affiliate_group.name}</span> : null
}
