import { RouteFocusModal, useRouteModal } from "../../../lib/dashboard"
import { Divider, Heading, Label, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Link, useSearchParams } from "react-router-dom"
import type { AdminAffiliate } from "../../../../types/http"
import { AffiliatePicker } from "../../../components/messages/affiliate-picker"
import { AudiencePicker } from "../../../components/messages/audience-picker"
import { Composer } from "../../../components/messages/composer"
import { useAffiliate } from "../../../hooks/api/affiliates"
import { useConversations, useStartConversation } from "../../../hooks/api/conversations"

/**
 * New Message: pick an active affiliate and the audience (team or one
 * member). Sending to an audience that already has a thread appends to it,
 * and either way the admin lands in the thread.
 * `?affiliate_id=…&member_id=…` preselects (the affiliate page's buttons).
 */
const NewMessagePage = () => (
  <RouteFocusModal>
    <NewMessageForm />
  </RouteFocusModal>
)

const NewMessageForm = () => {
  const { handleSuccess } = useRouteModal()
  const [params] = useSearchParams()
  const [affiliateId, setAffiliateId] = useState<string | undefined>(params.get("affiliate_id") ?? undefined)
  const [memberId, setMemberId] = useState<string | null>(params.get("member_id"))
  const { affiliate } = useAffiliate(affiliateId ?? "", { enabled: Boolean(affiliateId) })
  const { conversations } = useConversations(
    { affiliate_id: affiliateId, limit: 100 },
    { enabled: Boolean(affiliateId) }
  )
  const existing = conversations?.find((c) => (c.member?.id ?? null) === memberId)
  const start = useStartConversation()

  useEffect(() => {
    if (affiliate && memberId && !affiliate.members?.some((m) => m.id === memberId)) {
      setMemberId(null)
    }
  }, [affiliate, memberId])

  const pick = (picked: AdminAffiliate | undefined) => {
    setAffiliateId(picked?.id)
    setMemberId(null)
  }

  return (
    <>
      <RouteFocusModal.Header />
      <RouteFocusModal.Body className="flex flex-1 flex-col overflow-hidden">
        <div className="flex flex-1 flex-col items-center overflow-y-auto">
          <div className="flex w-full max-w-[720px] flex-col gap-y-6 px-2 py-16">
            <div>
              <RouteFocusModal.Title asChild>
                <Heading>New message</Heading>
              </RouteFocusModal.Title>
              <RouteFocusModal.Description asChild>
                <Text size="small" className="text-ui-fg-subtle">
                  Write to an affiliate's whole team or to one of its members.
                </Text>
              </RouteFocusModal.Description>
            </div>
            <Divider variant="dashed" />
            <div className="flex flex-col gap-y-2">
              <Label size="small" weight="plus">
                Affiliate
              </Label>
              <AffiliatePicker selected={affiliateId ? affiliate : undefined} onSelect={pick} />
            </div>
            {affiliate && (
              <div className="flex flex-col gap-y-2">
                <Label size="small" weight="plus">
                  To
                </Label>
                <AudiencePicker members={affiliate.members ?? []} memberId={memberId} onChange={setMemberId} />
              </div>
            )}
            {existing && (
              <Text size="small" className="text-ui-fg-subtle" data-testid="existing-thread-hint">
                You already have this thread: your message will be added to it.{" "}
                <Link to={`/messages/${existing.id}`} className="text-ui-fg-interactive hover:underline">
                  Open the thread
                </Link>
              </Text>
            )}
            {affiliate && (
              <Composer
                autoFocus
                sendLabel="Send message"
                isSending={start.isPending}
                onSend={(message) =>
                  start
                    .mutateAsync({ affiliate_id: affiliate.id, member_id: memberId, ...message })
                    .then(({ conversation }) => {
                      toast.success(existing ? "Added to the existing thread" : "Conversation started")
                      handleSuccess(`/messages/${conversation.id}`)
                    })
                }
              />
            )}
          </div>
        </div>
      </RouteFocusModal.Body>
    </>
  )
}

export default NewMessagePage
