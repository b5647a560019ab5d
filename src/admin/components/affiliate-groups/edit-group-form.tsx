import { zodResolver } from "@hookform/resolvers/zod"
import { KeyboundForm, RouteDrawer, useRouteModal } from "../../lib/dashboard"
import { toast } from "@medusajs/ui"
import { useForm } from "react-hook-form"
import type { AdminAffiliateGroup } from "../../../types/http"
import { useUpdateAffiliateGroup } from "../../hooks/api/affiliate-groups"
import { reportFormError } from "../../lib/api-error"
import { GroupDisabledMessageField, GroupNameField } from "./group-form-fields"
import { GroupFormSchema, disabledMessageBody, type GroupFormValues } from "./group-form-schema"
import { FormFooter } from "../form-footer"

/** The messaging switch itself stays on the page, where it saves at once. */
export const EditGroupForm = ({ group }: { group: AdminAffiliateGroup }) => {
  const { handleSuccess } = useRouteModal()
  const { mutate, isPending } = useUpdateAffiliateGroup(group.id)

  const form = useForm<GroupFormValues>({
    defaultValues: {
      name: group.name,
      messaging_enabled: group.messaging_enabled,
      messaging_disabled_message: group.messaging_disabled_message ?? "",
    },
    resolver: zodResolver(GroupFormSchema),
  })

  const handleSubmit = form.handleSubmit(({ name, messaging_disabled_message }) => {
    mutate(
      { name, messaging_disabled_message: disabledMessageBody(messaging_disabled_message) },
      {
        onSuccess: ({ affiliate_group }) => {
          toast.success(`Group ${affiliate_group.name} was updated`)
          handleSuccess()
        },
        onError: (error) => reportFormError(form, error, "name"),
      },
    )
  })

  return (
    <RouteDrawer.Form form={form}>
      <KeyboundForm onSubmit={handleSubmit} className="flex flex-1 flex-col overflow-hidden">
        <RouteDrawer.Body className="flex flex-1 flex-col gap-y-4 overflow-y-auto">
          <GroupNameField control={form.control} />
          <GroupDisabledMessageField control={form.control} />
        </RouteDrawer.Body>
        <FormFooter in="drawer" submitLabel="Save" isPending={isPending} />
      </KeyboundForm>
    </RouteDrawer.Form>
  )
}
