import { LayoutComposer } from "@medusajs/dashboard/components"
import { Container } from "@medusajs/ui"
import type { LoaderFunctionArgs, UIMatch } from "react-router-dom"
import { useParams } from "react-router-dom"
import type { ConversationResponse } from "../../../../types/http"
import { PageSkeleton } from "../../../components/page-skeleton"
import { ThreadAffiliateSection } from "../../../components/messages/thread-affiliate-section"
import { ThreadHeader } from "../../../components/messages/thread-header"
import { ThreadMessages } from "../../../components/messages/thread-messages"
import { ThreadReply } from "../../../components/messages/thread-reply"
import { useConversation } from "../../../hooks/api/conversations"
import { audienceLabel } from "../../../lib/audience-label"
import { sdk } from "../../../lib/sdk"
import { apiPath } from "../../../lib/api-path"

/** One thread; opening it marks it read for every admin. */
const ConversationPage = () => {
  const { id } = useParams()
  const { conversation, isPending, isError, error } = useConversation(id!)

  if (isError) {
    throw error
  }
  if (isPending || !conversation) {
    return <PageSkeleton side />
  }

  return (
    <LayoutComposer
      widgetsZonePrefix="affiliate_conversation.details"
      preferredLayoutId="core:two-column"
      data={conversation}
      sections={{
        main: (
          <LayoutComposer.Entry id="AffiliateConversationThread">
            <Container className="divide-y p-0">
              <ThreadHeader conversation={conversation} />
              <ThreadMessages conversationId={conversation.id} />
              <ThreadReply conversation={conversation} />
            </Container>
          </LayoutComposer.Entry>
        ),
        side: (
          <LayoutComposer.Entry id="AffiliateConversationAffiliate">
            <ThreadAffiliateSection conversation={conversation} />
          </LayoutComposer.Entry>
        ),
      }}
    />
  )
}

export default ConversationPage

// for the breadcrumb only: must not mark the thread read on its own
export async function loader({ params }: LoaderFunctionArgs) {
  return sdk.client.fetch<ConversationResponse>(apiPath`/admin/conversations/${params.id}`, {
    query: { mark_read: false },
  })
}

export const handle = {
  breadcrumb: (match: UIMatch<ConversationResponse>) =>
    `${match.loaderData?.conversation.affiliate.name ?? "Conversation"} · ${
      match.loaderData ? audienceLabel(match.loaderData.conversation) : ""
    }`,
}
