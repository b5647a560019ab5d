import { LayoutComposer } from "@medusajs/dashboard/components"
import type { LoaderFunctionArgs, UIMatch } from "react-router-dom"
import { useParams } from "react-router-dom"
import { BroadcastGeneralSection } from "../../../../components/broadcasts/broadcast-general-section"
import { BroadcastRecipientsTable } from "../../../../components/broadcasts/broadcast-recipients-table"
import { PageSkeleton } from "../../../../components/page-skeleton"
import { useBroadcast, type Broadcast } from "../../../../hooks/api/broadcasts"
import { JsonViewSection } from "../../../../lib/dashboard"
import { apiPath } from "../../../../lib/api-path"
import { sdk } from "../../../../lib/sdk"

/** One broadcast: progress while sending (polled), counts, recipients with their threads, cancel. */
const BroadcastPage = () => {
  const { id } = useParams()
  const { broadcast, isPending, isError, error } = useBroadcast(id!)

  if (isError) {
    throw error
  }
  if (isPending || !broadcast) {
    return <PageSkeleton />
  }

  return (
    <LayoutComposer
      widgetsZonePrefix="affiliate_broadcast.details"
      preferredLayoutId="core:single-column"
      data={broadcast}
      sections={{
        main: (
          <>
            <LayoutComposer.Entry id="AffiliateBroadcastGeneralSection">
              <BroadcastGeneralSection broadcast={broadcast} />
            </LayoutComposer.Entry>
            <LayoutComposer.Entry id="AffiliateBroadcastRecipientsSection">
              <BroadcastRecipientsTable broadcast={broadcast} />
            </LayoutComposer.Entry>
            <LayoutComposer.Entry id="AffiliateBroadcastJsonSection">
              <JsonViewSection data={broadcast} />
            </LayoutComposer.Entry>
          </>
        ),
      }}
    />
  )
}

export default BroadcastPage

export async function loader({ params }: LoaderFunctionArgs) {
  return sdk.client.fetch<{ broadcast: Broadcast }>(apiPath`/admin/affiliate-broadcasts/${params.id}`)
}

export const handle = {
  breadcrumb: (match: UIMatch<{ broadcast: Broadcast }>) => {
    const body = match.loaderData?.broadcast.body ?? ""
    return body ? (body.length > 40 ? `${body.slice(0, 40)}…` : body) : "Broadcast"
  },
}
