import { zodResolver } from "@hookform/resolvers/zod"
import { Form, KeyboundForm, RouteDrawer, useDate } from "../../lib/dashboard"
import { Button, Copy, Input, Label, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useForm } from "react-hook-form"
import { z } from "zod"
import type { AdminAffiliate, AdminAffiliateInvite } from "../../../types/http"
import { useInviteAffiliateMember } from "../../hooks/api/affiliates"
import { reportFormError } from "../../lib/api-error"
import { FormFooter } from "../form-footer"

const InviteSchema = z.object({
  email: z
    .string()
    .trim()
    .max(254, "At most 254 characters")
    .pipe(z.email("Enter a valid email address")),
})
type InviteValues = z.infer<typeof InviteSchema>

/**
 * Sends the invite, then shows its link: the email may be filtered or slow,
 * and the admin can pass the link on another way.
 */
export const InviteMemberForm = ({ affiliate }: { affiliate: AdminAffiliate }) => {
  const [invite, setInvite] = useState<AdminAffiliateInvite | null>(null)
  const { mutate, isPending } = useInviteAffiliateMember(affiliate.id)

  const form = useForm<InviteValues>({
    defaultValues: { email: "" },
    resolver: zodResolver(InviteSchema),
  })

  const handleSubmit = form.handleSubmit((values) => {
    mutate(values, {
      onSuccess: ({ invite }) => {
        // a clean form lets the drawer close without the unsaved-changes prompt
        form.reset({ email: "" })
        setInvite(invite)
        toast.success(`Invite sent to ${invite.email}`)
      },
      onError: (error) => reportFormError(form, error, "email"),
    })
  })

  return (
    <RouteDrawer.Form form={form}>
      {invite ? (
        <InviteSent
          invite={invite}
          affiliateName={affiliate.name}
          onAnother={() => setInvite(null)}
        />
      ) : (
        <KeyboundForm onSubmit={handleSubmit} className="flex flex-1 flex-col overflow-hidden">
          <RouteDrawer.Body className="flex flex-1 flex-col gap-y-4 overflow-y-auto">
            <Text size="small" className="text-ui-fg-subtle">
              We email a link to join {affiliate.name}. The invitee creates a login with this
              address and becomes a member of the team.
            </Text>
            <Form.Field
              control={form.control}
              name="email"
              render={({ field }) => (
                <Form.Item>
                  <Form.Label>Email</Form.Label>
                  <Form.Control>
                    <Input autoComplete="off" autoFocus {...field} />
                  </Form.Control>
                  <Form.ErrorMessage />
                </Form.Item>
              )}
            />
          </RouteDrawer.Body>
          <FormFooter in="drawer" submitLabel="Send invite" isPending={isPending} />
        </KeyboundForm>
      )}
    </RouteDrawer.Form>
  )
}

const InviteSent = ({
  invite,
  affiliateName,
  onAnother,
}: {
  invite: AdminAffiliateInvite
  affiliateName: string
  onAnother: () => void
}) => {
  const { getFullDate } = useDate()

  return (
    <div className="flex flex-1 flex-col overflow-hidden">
      <RouteDrawer.Body className="flex flex-1 flex-col gap-y-4 overflow-y-auto">
        <Text size="small" className="text-ui-fg-subtle">
          We emailed {invite.email} a link to join {affiliateName}. You can also send it yourself:
          it works once, and expires on{" "}
          {getFullDate({ date: invite.expires_at, includeTime: true })}.
        </Text>
        <div className="flex flex-col gap-y-2">
          <Label size="small" weight="plus" htmlFor="invite-accept-url">
            Invite link
          </Label>
          <div className="flex items-center gap-x-2">
            <div className="min-w-0 flex-1">
              <Input
                id="invite-accept-url"
                readOnly
                value={invite.accept_url}
                onFocus={(event) => event.target.select()}
              />
            </div>
            <Copy content={invite.accept_url} className="text-ui-fg-muted" />
          </div>
        </div>
      </RouteDrawer.Body>
      <RouteDrawer.Footer>
        <div className="flex items-center justify-end gap-x-2">
          <Button size="small" variant="secondary" type="button" onClick={onAnother}>
            Invite another
          </Button>
          <RouteDrawer.Close asChild>
            <Button size="small">Done</Button>
          </RouteDrawer.Close>
        </div>
      </RouteDrawer.Footer>
    </div>
  )
}
