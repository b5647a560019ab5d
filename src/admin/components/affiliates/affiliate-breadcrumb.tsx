import type { UIMatch } from "react-router-dom"
import { useAffiliate } from "../../hooks/api/affiliates"

/** Shares the page's query, so a rename shows in the breadcrumb at once. */
export const AffiliateBreadcrumb = ({ params }: UIMatch) => {
  const { affiliate } = useAffiliate(params.id!, { enabled: Boolean(params.id) })
  return affiliate ? <span>{affiliate.name}</span> : null
}
