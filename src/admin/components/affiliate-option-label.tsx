import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import type { AdminAffiliate } from "../../types/http"
import { AffiliateStatusBadge } from "./affiliate-status-badge"

/**
 * An affiliate as a search result or a picked one shows it: name, email and
 * status, with `children` (e.g. a Change button) after the status.
 */
export const AffiliateOptionLabel = ({
  affiliate,
  children,
}: {
  affiliate: Pick<AdminAffiliate, "name" | "email" | "status">
  children?: ReactNode
}) => (
  <>
    <div className="flex min-w-0 flex-col">
      <Text size="small" weight="plus" className="truncate">
        {affiliate.name}
      </Text>
      <Text size="xsmall" className="text-ui-fg-muted truncate">
        {affiliate.email}
      </Text>
    </div>
    <div className="flex items-center gap-x-2">
      <AffiliateStatusBadge status={affiliate.status} />
      {children}
    </div>
  </>
)
